package io.switchboard.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real servers on free ports: one record through Kafka, one database, one mail sent by SMTP and read by IMAP. */
class LocalStackTest {

    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    static KafkaBroker kafka;
    static EmbeddedDatabase postgres;
    static MailServer mail;

    @BeforeAll
    static void startServers() {
        kafka = KafkaBroker.start(FreePorts.next(), FreePorts.next(), dir.resolve("kafka"), dir.resolve("kafka.log"));
        postgres = EmbeddedDatabase.start(FreePorts.next(), dir.resolve("postgres"), true, dir.resolve("pg.log"));
        mail = MailServer.start(FreePorts.next(), FreePorts.next());
    }

    @AfterAll
    static void stopServers() {
        if (mail != null) {
            mail.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void kafkaCarriesARecordOnAPrefixedEventTopic() {
        List<String> topics = kafka.createTopics("tlocal.", List.of("routing.dlq"));
        assertThat(topics).contains("tlocal.chat.requested", "tlocal.routing.dlq");
        assertThat(kafka.createTopics("tlocal.", List.of("routing.dlq"))).isEqualTo(topics); // idempotent

        String topic = "tlocal.chat.requested";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "chat-1", "hello")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            long deadline = System.nanoTime() + POLL_TIMEOUT.toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
            assertThat(received).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("chat-1");
                assertThat(r.value()).isEqualTo("hello");
            });
        }
    }

    @Test
    void aRunsTopicsAreDeletedAndOnlyThose() throws Exception {
        kafka.createTopics("tgone.", List.of());
        List<String> kept = kafka.createTopics("tkept.", List.of());

        KafkaTopics.deleteLeftover(kafka.bootstrapServers(), "tgone.");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            // The broker's metadata follows the controller's a moment later.
            Set<String> names = admin.listTopics().names().get();
            long deadline = System.nanoTime() + POLL_TIMEOUT.toNanos();
            while (names.stream().anyMatch(name -> name.startsWith("tgone.")) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                names = admin.listTopics().names().get();
            }
            assertThat(names).noneMatch(name -> name.startsWith("tgone.")).containsAll(kept);
        }
        assertThatThrownBy(() -> KafkaTopics.deleteLeftover(kafka.bootstrapServers(), ""))
                .as("an empty prefix would be every topic").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void postgresCreatesADatabaseOnce() throws Exception {
        postgres.createDatabase("routing_test");
        postgres.createDatabase("routing_test"); // idempotent
        try (Connection connection = postgres.server().connect("routing_test");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_database(), version()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("routing_test");
            assertThat(rows.getString(2)).startsWith("PostgreSQL 14");
        }
    }

    @Test
    void aRunsDatabaseIsDroppedWithTheSessionsStillInIt() throws Exception {
        DatabaseServer server = postgres.server();
        server.createDatabase("bench_run_test");
        try (Connection open = server.connect("bench_run_test")) {
            server.dropDatabase("bench_run_test");
            server.dropDatabase("bench_run_test"); // gone already: nothing to do
            assertThat(open.isValid(2)).as("the open session was closed by the drop").isFalse();
        }
        try (Connection connection = server.connect("postgres");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*) FROM pg_database WHERE datname = 'bench_run_test'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void mailSentOverSmtpIsReadOverImap() throws Exception {
        MailEndpoint endpoint = mail.endpoint();
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", endpoint.host());
        smtp.put("mail.smtp.port", Integer.toString(endpoint.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("noreply@switchboard.test"));
        message.setRecipients(Message.RecipientType.TO, "visitor@example.test");
        message.setSubject("Your chat transcript");
        message.setText("Hello from the local stack");
        Transport.send(message);

        Properties imap = new Properties();
        imap.put("mail.imap.host", endpoint.host());
        imap.put("mail.imap.port", Integer.toString(endpoint.imapPort()));
        Store store = Session.getInstance(imap).getStore("imap");
        store.connect(endpoint.host(), endpoint.imapPort(), "visitor@example.test", "any-password");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            assertThat(messages).hasSize(1);
            assertThat(messages[0].getSubject()).isEqualTo("Your chat transcript");
            assertThat(messages[0].getContent().toString()).contains("Hello from the local stack");
            inbox.close(false);
        } finally {
            store.close();
        }
    }
}
