package io.switchboard.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kafka, PostgreSQL and the mail server, each either embedded (started here) or external (given by environment
 * variables, e.g. a shared CI instance). Closing stops only the embedded ones.
 */
public final class Infrastructure implements AutoCloseable {

    /** Environment variables naming external servers; the launcher passes the same names to the services. */
    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String DB_HOST = "DB_HOST";
    public static final String DB_PORT = "DB_PORT";
    public static final String DB_USER = "DB_USER";
    public static final String DB_PASSWORD = "DB_PASSWORD";
    public static final String SMTP_HOST = "SMTP_HOST";
    public static final String SMTP_PORT = "SMTP_PORT";
    public static final String IMAP_PORT = "IMAP_PORT";
    private static final int DEFAULT_POSTGRES_PORT = 5432;

    private final String kafkaBootstrapServers;
    private final DatabaseServer database;
    private final MailEndpoint mail;
    /** Embedded servers in the order they are stopped: broker, PostgreSQL, mail. */
    private final List<AutoCloseable> embedded;
    private final List<String> embeddedNames;

    private Infrastructure(String kafkaBootstrapServers, DatabaseServer database, MailEndpoint mail,
                          List<AutoCloseable> embedded, List<String> embeddedNames) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.database = database;
        this.mail = mail;
        this.embedded = embedded;
        this.embeddedNames = embeddedNames;
    }

    /** Starts what {@code environment} does not name; see the constants for the variables. */
    public static Infrastructure start(InfrastructureSettings settings, Map<String, String> environment) {
        List<AutoCloseable> started = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try {
            String kafka = value(environment, KAFKA_BOOTSTRAP_SERVERS).orElse(null);
            if (kafka == null) {
                KafkaBroker broker = KafkaBroker.start(settings.kafkaPort(), settings.kafkaControllerPort(),
                        settings.dataDirectory().resolve("kafka"), settings.logDirectory().resolve("kafka.log"));
                started.add(broker);
                names.add("kafka");
                kafka = broker.bootstrapServers();
            }

            DatabaseServer database;
            Optional<String> dbHost = value(environment, DB_HOST);
            if (dbHost.isPresent()) {
                database = new DatabaseServer(dbHost.get(),
                        value(environment, DB_PORT).map(Integer::parseInt).orElse(DEFAULT_POSTGRES_PORT),
                        value(environment, DB_USER).orElse(EmbeddedDatabase.USER),
                        value(environment, DB_PASSWORD).orElse(EmbeddedDatabase.PASSWORD));
            } else {
                EmbeddedDatabase postgres = EmbeddedDatabase.start(settings.databasePort(),
                        settings.dataDirectory().resolve("postgres"), false,
                        settings.logDirectory().resolve("postgres.log"));
                started.add(postgres);
                names.add("postgres");
                database = postgres.server();
            }

            MailEndpoint mail;
            Optional<String> smtpHost = value(environment, SMTP_HOST);
            if (smtpHost.isPresent()) {
                mail = new MailEndpoint(smtpHost.get(),
                        value(environment, SMTP_PORT).map(Integer::parseInt).orElse(MailServer.STANDARD_SMTP_PORT),
                        value(environment, IMAP_PORT).map(Integer::parseInt).orElse(MailServer.STANDARD_IMAP_PORT));
            } else {
                MailServer server = MailServer.start(settings.smtpPort(), settings.imapPort());
                started.add(server);
                names.add("mail");
                mail = server.endpoint();
            }
            return new Infrastructure(kafka, database, mail, started, names);
        } catch (RuntimeException e) {
            new Infrastructure(null, null, null, started, names).close();
            throw e;
        }
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public DatabaseServer database() {
        return database;
    }

    public MailEndpoint mail() {
        return mail;
    }

    /** Which parts run embedded in this JVM or as its child processes ("kafka", "postgres", "mail"). */
    public List<String> embeddedParts() {
        return List.copyOf(embeddedNames);
    }

    /** The environment variables that let another process (a service, a test JVM) use these servers. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(KAFKA_BOOTSTRAP_SERVERS, kafkaBootstrapServers);
        env.put(DB_HOST, database.host());
        env.put(DB_PORT, Integer.toString(database.port()));
        env.put(DB_USER, database.user());
        env.put(DB_PASSWORD, database.password());
        env.put(SMTP_HOST, mail.host());
        env.put(SMTP_PORT, Integer.toString(mail.smtpPort()));
        env.put(IMAP_PORT, Integer.toString(mail.imapPort()));
        return env;
    }

    @Override
    public void close() {
        for (AutoCloseable server : embedded) {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("[local-stack] failed to stop " + server + ": " + e);
            }
        }
        embedded.clear();
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
