package io.switchboard.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.events.TranscriptRequested;
import io.switchboard.events.TranscriptSent;
import io.switchboard.stack.DatabaseServer;
import io.switchboard.stack.KafkaTopics;
import io.switchboard.stack.ServiceApp;
import io.switchboard.stack.test.PackagedService;
import io.switchboard.transcript.delivery.MessageIds;
import io.switchboard.transcript.domain.TranscriptRequests;
import io.switchboard.transcript.support.Mailboxes.ReceivedMail;
import io.switchboard.transcript.support.Mailboxes;
import io.switchboard.transcript.support.TestChats;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two transcript-service processes (the packaged jar) on one database, one broker and one consumer group, the
 * partitions of every topic split between them, both senders claiming from the same {@code transcript_request} table.
 * Completed chats with the send flag and "send now" requests, each event redelivered and each request repeated, and
 * one instance killed (SIGKILL) while the work is in flight: every request id reaches its contact exactly once.
 */
class TwoInstancesIT {

    private static final int CHATS = 20;
    /** More partitions than instances, so that both instances get chats to consume. */
    private static final int PARTITIONS = 4;
    private static final long END_SEQ = 6;
    private static final String MESSAGE_ID_DOMAIN = "switchboard.it";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** Covers the consumer group's session timeout (10 s), the delivery lease below and the audit check. */
    private static final Duration DELIVERY = Duration.ofSeconds(90);
    /** Long enough for a second copy to have arrived, were one on its way (many sender polls, a lease expiry). */
    private static final Duration NO_SECOND_COPY = Duration.ofSeconds(12);
    /** Short lease, so that the survivor takes over the killed instance's in-flight send within the test. */
    private static final String LEASE = "8s";
    /** Must stay below the lease: an SMTP attempt ends before another instance may look at the row. */
    private static final String SMTP_TIMEOUT = "4s";

    private static final List<PackagedService> instances = new ArrayList<>();
    private static KafkaCompanion kafka;
    private static String prefix;
    private static String bootstrap;
    private static DatabaseServer server;
    private static String database;
    private static String mailHost;
    private static int imapPort;
    private static String auditAddress;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Assumptions.assumeTrue(PackagedService.packaged(),
                "TwoInstancesIT skipped: " + PackagedService.jar() + " is missing (run mvn verify)");
        bootstrap = env("KAFKA_BOOTSTRAP_SERVERS");
        String dbHost = env("DB_HOST");
        mailHost = env("SMTP_HOST");
        Assumptions.assumeTrue(bootstrap != null && dbHost != null && mailHost != null && env("IMAP_PORT") != null,
                "TwoInstancesIT skipped: KAFKA_BOOTSTRAP_SERVERS, DB_HOST, SMTP_HOST/SMTP_PORT/IMAP_PORT name the "
                        + "shared infrastructure");
        imapPort = Integer.parseInt(env("IMAP_PORT"));
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        prefix = "it" + random + ".";
        database = "transcript_it_" + random;
        auditAddress = "transcript-audit-" + random + "@switchboard.it";
        String dbPort = envOr("DB_PORT", "5432");
        String dbUser = envOr("DB_USER", "postgres");
        String dbPassword = envOr("DB_PASSWORD", "postgres");
        server = new DatabaseServer(dbHost, Integer.parseInt(dbPort), dbUser, dbPassword);
        server.createDatabase(database);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            EventType.topics().forEach(t -> topics.add(new NewTopic(prefix + t, PARTITIONS, (short) 1)));
            topics.add(new NewTopic(prefix + "dlq.transcript-service", 1, (short) 1));
            admin.createTopics(topics).all().get();
        }
        kafka = new KafkaCompanion(bootstrap);

        Map<String, String> common = new HashMap<>();
        common.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap, "KAFKA_TOPIC_PREFIX", prefix,
                "DB_HOST", dbHost, "DB_PORT", dbPort, "DB_NAME", database, "DB_USER", dbUser,
                "DB_PASSWORD", dbPassword));
        common.putAll(Map.of("SMTP_HOST", mailHost, "SMTP_PORT", envOr("SMTP_PORT", "3025"),
                "IMAP_PORT", Integer.toString(imapPort), "SMTP_TIMEOUT", SMTP_TIMEOUT,
                "TRANSCRIPT_AUDIT_ADDRESS", auditAddress, "MESSAGE_ID_DOMAIN", MESSAGE_ID_DOMAIN,
                // A consumer group of this run only: other runs on the shared broker must not join its rebalances.
                "MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_GROUP_ID", "transcript-it-" + random,
                "SWITCHBOARD_TRANSCRIPT_DELIVERY_LEASE", LEASE,
                "SWITCHBOARD_TRANSCRIPT_DELIVERY_POLL_INTERVAL", "0.2s"));
        for (int n = 1; n <= 2; n++) {
            instances.add(PackagedService.start(ServiceApp.TRANSCRIPT, common,
                    Path.of("target", "it-logs", "transcript-" + n + ".log")));
        }
        for (PackagedService instance : instances) {
            instance.awaitReady(START_TIMEOUT);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        instances.forEach(PackagedService::close);
        if (kafka != null) {
            kafka.close();
        }
        if (server != null) {
            server.dropLeftover(database);
        }
        if (prefix != null) {
            KafkaTopics.deleteLeftover(bootstrap, prefix);
        }
    }

    @Test
    void everyRequestReachesItsContactExactlyOnceThoughAnInstanceIsKilledMidRun() throws Exception {
        List<ChatRun> runs = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            TestChats chat = new TestChats(kafka, prefix);
            String contact = TestChats.uniqueAddress("contact" + i);
            chat.requested("Jane Doe", contact, "en");
            chat.conversation("Jane Doe");
            chat.ended(END_SEQ);
            EventEnvelope completed = chat.completed(true);
            EventEnvelope sendNow = Events.envelope(new TranscriptRequested(chat.chatId, sendNowId(chat),
                    TestChats.AGENT_ID, Instant.now()), TestChats.PRODUCER);
            chat.publish(sendNow);
            runs.add(new ChatRun(chat, contact, completed, sendNow));
        }

        // Kill one instance as soon as transcripts start going out: whatever it had consumed, claimed or begun
        // sending must still reach each contact once.
        await().atMost(DELIVERY).until(() -> sentCount() > 0);
        instances.get(1).kill();

        // Redeliveries of the very same envelopes, and new requests repeating a request id already used.
        for (ChatRun run : runs) {
            run.chat().publish(run.completed());
            run.chat().publish(run.sendNow());
            run.chat().sendNow(sendNowId(run.chat()));
        }

        Map<String, Set<String>> expected = new TreeMap<>();
        runs.forEach(run -> expected.put(run.recipient(), Set.of(
                MessageIds.of(TranscriptRequests.completedRequestId(run.chat().chatId), MESSAGE_ID_DOMAIN),
                MessageIds.of(sendNowId(run.chat()), MESSAGE_ID_DOMAIN))));
        await().atMost(DELIVERY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, List<String>> received = receivedIds(expected.keySet());
            String states = requestStates();
            expected.forEach((recipient, ids) -> assertThat(received.get(recipient))
                    .as("mailbox of %s; requests: %s", recipient, states).containsAll(ids));
        });
        Thread.sleep(NO_SECOND_COPY.toMillis());

        Map<String, List<String>> received = receivedIds(expected.keySet());
        expected.forEach((recipient, ids) -> assertThat(received.get(recipient))
                .as("Message-IDs in the mailbox of %s", recipient).containsExactlyInAnyOrderElementsOf(ids));
        Set<String> allIds = expected.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(Mailboxes.read(mailHost, imapPort, auditAddress)).map(ReceivedMail::messageId)
                .as("blind copies in the audit mailbox").containsExactlyInAnyOrderElementsOf(allIds);
        assertThat(sentCount()).isEqualTo(allIds.size());
        assertThat(sentRequestIds(allIds.size())).containsExactlyInAnyOrderElementsOf(
                allIds.stream().map(TwoInstancesIT::requestIdOf).toList());
    }

    /** One chat of the run and the envelopes that are delivered a second time. */
    private record ChatRun(TestChats chat, String recipient, EventEnvelope completed, EventEnvelope sendNow) {
    }

    private static String sendNowId(TestChats chat) {
        return "send-now-" + chat.chatId;
    }

    /** The request id inside {@code <transcript.<requestId>@domain>} (the ids of this test are all "safe"). */
    private static String requestIdOf(String messageId) {
        return messageId.substring("<transcript.".length(), messageId.indexOf('@'));
    }

    /** Message-IDs per recipient, read over IMAP like a mail client. */
    private static Map<String, List<String>> receivedIds(Set<String> recipients) {
        return recipients.stream().collect(Collectors.toMap(to -> to,
                to -> Mailboxes.read(mailHost, imapPort, to).stream().map(ReceivedMail::messageId).toList()));
    }

    /** Distinct request ids announced on {@code transcript.sent} (the outbox relay delivers at least once). */
    private static Set<String> sentRequestIds(int expected) {
        ConsumerTask<String, String> task = kafka.consumeStrings()
                .withGroupId("transcript-it-reader-" + UUID.randomUUID())
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(prefix + "transcript.sent");
        try {
            await().atMost(DELIVERY).until(() -> task.getRecords().stream().map(ConsumerRecord::value)
                    .map(value -> Events.read(value).payload(TranscriptSent.class).requestId())
                    .distinct().count() >= expected);
            return task.getRecords().stream().map(ConsumerRecord::value)
                    .map(value -> Events.read(value).payload(TranscriptSent.class).requestId())
                    .collect(Collectors.toSet());
        } finally {
            task.stop();
        }
    }

    /** What the database says about the requests, to explain a failure. */
    private static String requestStates() throws SQLException {
        try (Connection connection = server.connect(database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select status, attempts, last_error, count(*) "
                     + "from transcript_request group by status, attempts, last_error")) {
            List<String> states = new ArrayList<>();
            while (rows.next()) {
                states.add(rows.getString(1) + "/" + rows.getInt(2) + "/" + rows.getString(3) + " x" + rows.getLong(4));
            }
            return states.toString();
        }
    }

    private static long sentCount() throws SQLException {
        try (Connection connection = server.connect(database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select count(*) from transcript_request where status = 'SENT'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static String envOr(String name, String fallback) {
        String value = env(name);
        return value == null ? fallback : value;
    }
}
