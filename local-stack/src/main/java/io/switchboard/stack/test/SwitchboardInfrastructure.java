package io.switchboard.stack.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.switchboard.stack.DatabaseServer;
import io.switchboard.stack.Infrastructure;
import io.switchboard.stack.KafkaTopics;
import io.switchboard.stack.MailEndpoint;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real Kafka, PostgreSQL and SMTP/IMAP for a {@code @QuarkusTest}:
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(value = SwitchboardInfrastructure.class,
 *         initArgs = @ResourceArg(name = "database", value = "routing"))
 * class RoutingTest { @ConfigProperty(name = "switchboard.kafka.topic-prefix") String prefix; ... }
 * }</pre>
 *
 * The servers are started once per test JVM (or taken from KAFKA_BOOTSTRAP_SERVERS, DB_HOST/DB_PORT/DB_USER/
 * DB_PASSWORD, SMTP_HOST/SMTP_PORT/IMAP_PORT, as ./switchboard test sets them). Every {@link #start()} gets a fresh
 * database {@code <database>_<random8>} and a fresh topic prefix {@code t<random8>.} with all event topics created,
 * so runs against a shared broker or database never see each other's data. Nothing is dropped.
 *
 * <p>Init args: {@code database} (required), {@code topics} (comma-separated extra topics, e.g. dead-letter topics,
 * created with the same prefix). A field {@code @InjectKafkaCompanion KafkaCompanion companion} is filled when
 * quarkus-test-kafka-companion is on the test class path.
 */
public class SwitchboardInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final String TOPICS_ARG = "topics";

    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String TOPIC_PREFIX = "switchboard.kafka.topic-prefix";
    public static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    public static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    public static final String DB_USERNAME = "quarkus.datasource.username";
    public static final String DB_PASSWORD = "quarkus.datasource.password";
    public static final String MAILER_HOST = "quarkus.mailer.host";
    public static final String MAILER_PORT = "quarkus.mailer.port";
    public static final String TEST_SMTP_PORT = "switchboard.test.smtp.port";
    public static final String TEST_IMAP_PORT = "switchboard.test.imap.port";

    /** The current values are also kept as system properties, which every class loader of the JVM sees. */
    private static final String CURRENT = "switchboard.test.current.";
    private static final int RANDOM_LENGTH = 8;

    private String databasePrefix;
    private List<String> extraTopics = List.of();
    private AutoCloseable companion;
    private Map<String, String> config;
    /** The database this start made, dropped at stop (after the application stopped). */
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        databasePrefix = initArgs.get(DATABASE_ARG);
        if (databasePrefix == null || databasePrefix.isBlank()) {
            throw new IllegalArgumentException("@ResourceArg(name = \"database\", value = \"<service>\") is required");
        }
        String topics = initArgs.getOrDefault(TOPICS_ARG, "");
        extraTopics = Arrays.stream(topics.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    @Override
    public Map<String, String> start() {
        if (databasePrefix == null) {
            init(Map.of());
        }
        Infrastructure infrastructure = SharedInfrastructure.get();
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, RANDOM_LENGTH);
        database = databasePrefix + "_" + random;
        String prefix = "t" + random + ".";

        DatabaseServer db = infrastructure.database();
        db.createDatabase(database);
        KafkaTopics.createAll(infrastructure.kafkaBootstrapServers(), prefix, extraTopics);
        MailEndpoint mail = infrastructure.mail();

        Map<String, String> values = new LinkedHashMap<>();
        values.put(KAFKA_BOOTSTRAP_SERVERS, infrastructure.kafkaBootstrapServers());
        values.put(TOPIC_PREFIX, prefix);
        values.put(REACTIVE_URL, db.reactiveUrl(database));
        values.put(JDBC_URL, db.jdbcUrl(database));
        values.put(DB_USERNAME, db.user());
        values.put(DB_PASSWORD, db.password());
        values.put(MAILER_HOST, mail.host());
        values.put(MAILER_PORT, Integer.toString(mail.smtpPort()));
        values.put(TEST_SMTP_PORT, Integer.toString(mail.smtpPort()));
        values.put(TEST_IMAP_PORT, Integer.toString(mail.imapPort()));
        values.forEach((key, value) -> System.setProperty(CURRENT + key, value));
        System.setProperty(CURRENT + "mail.host", mail.host());
        config = values;
        return values;
    }

    @Override
    public void inject(TestInjector testInjector) {
        // Called for every test instance that shares this resource: create the client once, inject it each time.
        if (config != null && companion == null) {
            companion = KafkaCompanionInjection.create(config.get(KAFKA_BOOTSTRAP_SERVERS));
        }
        if (companion != null) {
            KafkaCompanionInjection.inject(testInjector, companion);
        }
    }

    /** The servers themselves stay up for the next test class; they stop when the JVM ends. */
    @Override
    public void stop() {
        if (companion != null) {
            try {
                companion.close();
            } catch (Exception ignored) {
                // a client only
            }
            companion = null;
        }
        // Left behind, the test databases and topics pile up in the shared servers and load the machine.
        if (database != null) {
            SharedInfrastructure.get().database().dropLeftover(database);
            KafkaTopics.deleteLeftover(config.get(KAFKA_BOOTSTRAP_SERVERS), config.get(TOPIC_PREFIX));
            database = null;
        }
    }

    /** Of the resource started last (test classes with one resource set share one start). */
    public static String kafkaBootstrapServers() {
        return current(KAFKA_BOOTSTRAP_SERVERS);
    }

    public static String topicPrefix() {
        return current(TOPIC_PREFIX);
    }

    /** {@code topicPrefix() + topic}, e.g. {@code topic("chat.requested")}. */
    public static String topic(String topic) {
        return topicPrefix() + topic;
    }

    public static String jdbcUrl() {
        return current(JDBC_URL);
    }

    public static String databaseUser() {
        return current(DB_USERNAME);
    }

    public static String databasePassword() {
        return current(DB_PASSWORD);
    }

    public static String mailHost() {
        return current("mail.host");
    }

    public static int smtpPort() {
        return Integer.parseInt(current(TEST_SMTP_PORT));
    }

    public static int imapPort() {
        return Integer.parseInt(current(TEST_IMAP_PORT));
    }

    private static String current(String key) {
        String value = System.getProperty(CURRENT + key);
        if (value == null) {
            throw new IllegalStateException("SwitchboardInfrastructure has not been started in this JVM");
        }
        return value;
    }
}
