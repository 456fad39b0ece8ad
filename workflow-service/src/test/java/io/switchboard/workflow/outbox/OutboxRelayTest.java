package io.switchboard.workflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.kit.outbox.OutboxConfig;
import io.switchboard.kit.outbox.OutboxProducer;
import io.switchboard.kit.outbox.OutboxRelay;
import io.switchboard.kit.outbox.RelayWorker;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.TcpProxy;
import io.switchboard.stack.test.TestDatabase;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay of service-kit on the real broker and database: lanes shared by two relays on one database (as
 * two replicas would), a record the broker refuses, a broker that cannot be reached, a lane taken over, the service's
 * connections all taken, a database connection fallen silent.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "workflow"),
        @ResourceArg(name = SwitchboardInfrastructure.TOPICS_ARG, value = OutboxRelayTest.TOPIC)})
class OutboxRelayTest {

    static final String TOPIC = "outbox.probe";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Above the producer's default max.request.size (1 MiB): the broker's client refuses it. */
    private static final int TOO_LARGE = 2 * 1024 * 1024;

    @Inject
    OutboxRelay relay;
    @Inject
    OutboxConfig config;
    @Inject
    Pool pool;
    @ConfigProperty(name = "quarkus.datasource.reactive.max-size", defaultValue = "20")
    int servicePoolSize;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String databaseUrl;

    private final KafkaCompanion kafka = new KafkaCompanion(SwitchboardInfrastructure.kafkaBootstrapServers());
    private final ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor();
    private final List<AutoCloseable> others = new ArrayList<>();

    @AfterEach
    void stopOtherRelays() throws Exception {
        polls.shutdownNow();
        for (AutoCloseable other : others) {
            other.close();
        }
        kafka.close();
    }

    @Test
    void theEventsOfOneChatStayInOrderWhileTwoRelaysShareTheLanes() {
        RelayWorker second = otherRelay(SwitchboardInfrastructure.kafkaBootstrapServers());
        await().atMost(PATIENCE).until(() -> !second.lanes().isEmpty() && !relay.worker().lanes().isEmpty());
        assertThat(second.lanes()).doesNotContainAnyElementsOf(relay.worker().lanes());
        long firstBefore = relay.worker().published();
        long secondBefore = second.published();

        int chats = 24;
        int perChat = 20;
        List<String> keys = new ArrayList<>();
        for (int c = 0; c < chats; c++) {
            keys.add("chat-" + UUID.randomUUID());
        }
        ConsumerTask<String, String> reader = read();
        for (int n = 0; n < perChat; n++) {
            List<Tuple> rows = new ArrayList<>();
            for (String key : keys) {
                rows.add(row(key, key + "#" + n));
            }
            insert(rows);
        }

        await().atMost(PATIENCE).until(() -> Set.copyOf(values(reader, keys)).size() == chats * perChat);
        Map<String, List<Integer>> firstSeen = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records(reader, keys)) {
            List<Integer> seen = firstSeen.computeIfAbsent(record.key(), k -> new ArrayList<>());
            int n = Integer.parseInt(record.value().substring(record.value().indexOf('#') + 1));
            if (!seen.contains(n)) {
                seen.add(n);
            }
        }
        List<Integer> inOrder = java.util.stream.IntStream.range(0, perChat).boxed().toList();
        assertThat(firstSeen).hasSize(chats).allSatisfy((key, seen) -> assertThat(seen).isEqualTo(inOrder));
        await().atMost(PATIENCE).until(() -> waiting() == 0);
        assertThat(relay.worker().published()).isGreaterThan(firstBefore);
        assertThat(second.published()).isGreaterThan(secondBefore);
    }

    @Test
    void aRecordTheBrokerRefusesIsParkedWithItsReasonAndTheLaneCarriesOn() {
        String chat = "chat-" + UUID.randomUUID();
        String other = "chat-" + UUID.randomUUID();
        ConsumerTask<String, String> reader = read();
        UUID tooLarge = UUID.randomUUID();
        insert(List.of(row(tooLarge, chat, "x".repeat(TOO_LARGE))));
        insert(List.of(row(chat, chat + "#after"), row(other, other + "#after")));

        await().atMost(PATIENCE).until(() -> values(reader, List.of(chat, other)).size() >= 2);
        assertThat(values(reader, List.of(chat, other))).containsOnly(chat + "#after", other + "#after");
        await().atMost(PATIENCE).until(() -> parkedAt(tooLarge) != null);
        Row parked = outboxRow(tooLarge);
        assertThat(parked.getInteger("attempts")).isEqualTo(config.maxAttempts());
        assertThat(parked.getString("last_error")).contains("RecordTooLargeException");
        assertThat(parked.getOffsetDateTime("published_at")).isNull();
    }

    @Test
    void aBrokerThatCannotBeReachedIsWaitedOutWithNoTransactionOpenAndNothingParked() {
        // A port nobody listens on: every send times out (metadata never arrives), as in a broker outage.
        RelayWorker cutOff = otherRelay("127.0.0.1:1");
        await().atMost(PATIENCE).until(() -> !cutOff.lanes().isEmpty());
        String chat = chatInLanes(cutOff);
        UUID event = UUID.randomUUID();
        ConsumerTask<String, String> reader = read();
        OffsetDateTime sendsStarted = databaseNow();
        insert(List.of(row(event, chat, chat + "#0")));

        // While the cut-off relay keeps trying, no transaction of this database spans its wait for the broker.
        await().atMost(PATIENCE).until(() -> cutOff.outages() >= 2);
        assertThat(transactionsOpenSince(sendsStarted)).isZero();
        Row waiting = outboxRow(event);
        assertThat(waiting.getOffsetDateTime("published_at")).isNull();
        assertThat(waiting.getOffsetDateTime("parked_at")).isNull();
        assertThat(waiting.getInteger("attempts")).isZero();

        // The broker "comes back": here another relay that reaches it takes the lanes over.
        cutOff.stop().await().atMost(PATIENCE);
        await().atMost(PATIENCE).until(() -> !values(reader, List.of(chat)).isEmpty());
        assertThat(values(reader, List.of(chat))).containsExactly(chat + "#0");
        assertThat(outboxRow(event).getInteger("attempts")).isZero();
    }

    @Test
    void theRelayPublishesWhileEveryConnectionOfTheServiceIsTaken() {
        // As when more is offered than the database commits: the service's own connections all busy, more waiting.
        List<SqlConnection> held = new ArrayList<>();
        ConsumerTask<String, String> reader = read();
        try {
            for (int i = 0; i < servicePoolSize; i++) {
                held.add(pool.getConnection().await().atMost(PATIENCE));
            }
            String chat = "chat-" + UUID.randomUUID();
            // Committed on a connection of its own (the row's NOTIFY wakes the relay at commit).
            TestDatabase.execute("insert into outbox_event (id, topic, record_key, event_type, payload, created_at) "
                    + "values (?, ?, ?, ?, ?, now())", UUID.randomUUID(), TOPIC, chat, TOPIC, chat + "#0");

            await().atMost(PATIENCE).until(() -> !values(reader, List.of(chat)).isEmpty());
            assertThat(values(reader, List.of(chat))).containsExactly(chat + "#0");
        } finally {
            reader.stop();
            held.forEach(SqlConnection::closeAndAwait);
        }
    }

    @Test
    void aDatabaseConnectionThatFallsSilentDoesNotStopARelay() {
        // A second relay whose connections pass through a proxy; it holds its lanes like any replica.
        PgConnectOptions database = PgConnectOptions.fromUri(databaseUrl.replaceFirst("^vertx-reactive:", ""));
        TcpProxy proxy = TcpProxy.start(database.getHost(), database.getPort());
        Pool throughProxy = relay.newPool(proxy.host(), proxy.port());
        RelayWorker second = otherRelay(SwitchboardInfrastructure.kafkaBootstrapServers(), throughProxy);
        others.add(throughProxy::closeAndAwait);
        others.add(proxy::close);
        // Both relays at their share: no lane moves between them any more (while they rebalance, the lane picked
        // below could pass to the service's relay, which would then publish its row).
        int share = (config.lanes() + 1) / 2;
        await().atMost(PATIENCE).until(() -> second.lanes().size() == share
                && relay.worker().lanes().size() == config.lanes() - share);
        ConsumerTask<String, String> reader = read();
        long publishedBefore = second.published();

        // Its open connections go half-open: no error, no answer, ever (a network fault neither side is told of).
        proxy.silenceOpenConnections();
        String chat = chatInLanes(second);
        insert(List.of(row(chat, chat + "#0")));

        // Published by that relay itself, within its lease: not left for another relay to take over.
        await().atMost(PATIENCE).until(() -> !values(reader, List.of(chat)).isEmpty());
        assertThat(values(reader, List.of(chat)).get(0)).isEqualTo(chat + "#0");
        // Counted once the acknowledged row is marked, which comes after the record reached the topic: its mark may
        // have gone to a connection still silent, timed out and been tried again (the record sent again with it,
        // a duplicate consumers drop by event id). The lease outlasts that, so the lane stays with this relay.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(second.published())
                .as("published by the relay whose connections fell silent").isGreaterThan(publishedBefore));
        assertThat(second.lanes()).as("the lane kept by that relay").contains(laneOf(chat));
        reader.stop();
    }

    @Test
    void aRelayWhoseLaneWasTakenOverSendsNothingMoreOfIt() {
        RelayWorker stale = otherRelay("127.0.0.1:1");
        await().atMost(PATIENCE).until(() -> !stale.lanes().isEmpty());
        polls.shutdownNow();
        int lane = stale.lanes().iterator().next();
        // Another relay takes the lane (as after an expiry the stale one did not notice): owner and fence change.
        pool.preparedQuery("update outbox_lane set owner = 'intruder', fence = fence + 1 where lane = $1")
                .execute(Tuple.of(lane)).await().atMost(PATIENCE);
        String chat = chatInLane(lane);
        UUID event = UUID.randomUUID();
        insert(List.of(row(event, chat, chat + "#0")));

        stale.wake().await().atMost(PATIENCE);
        stale.tick().await().atMost(PATIENCE);
        assertThat(stale.lanes()).doesNotContain(lane);
        assertThat(outboxRow(event).getOffsetDateTime("published_at")).isNull();
        stale.stop().await().atMost(PATIENCE);
        pool.preparedQuery("update outbox_lane set owner = null, expires_at = null where lane = $1")
                .execute(Tuple.of(lane)).await().atMost(PATIENCE);
        await().atMost(PATIENCE).until(() -> outboxRow(event).getOffsetDateTime("published_at") != null);
    }

    /** A second relay on this database with its own producer, polled like the service's own relay. */
    private RelayWorker otherRelay(String bootstrapServers) {
        return otherRelay(bootstrapServers, null);
    }

    /** The same with connections of {@code connections} (null: the service relay's). */
    private RelayWorker otherRelay(String bootstrapServers, Pool connections) {
        Map<String, String> producerConfig = new HashMap<>(config.producer());
        OutboxProducer producer = new OutboxProducer(bootstrapServers, producerConfig);
        RelayWorker worker = connections == null ? relay.newWorker(producer) : relay.newWorker(producer, connections);
        others.add(() -> {
            worker.stop().await().atMost(PATIENCE);
            producer.close();
        });
        worker.start().await().atMost(PATIENCE);
        long every = config.pollInterval().toMillis();
        polls.scheduleWithFixedDelay(() -> worker.tick().await().atMost(PATIENCE), every, every, TimeUnit.MILLISECONDS);
        return worker;
    }

    /** Reads the probe topic from its beginning; the tests share it, each looks at its own chats only. */
    private ConsumerTask<String, String> read() {
        return kafka.consumeStrings().withGroupId("probe-" + UUID.randomUUID())
                .fromTopics(SwitchboardInfrastructure.topic(TOPIC));
    }

    private static List<ConsumerRecord<String, String>> records(ConsumerTask<String, String> reader,
                                                                Collection<String> keys) {
        return reader.getRecords().stream().filter(record -> keys.contains(record.key())).toList();
    }

    private static List<String> values(ConsumerTask<String, String> reader, Collection<String> keys) {
        return records(reader, keys).stream().map(ConsumerRecord::value).toList();
    }

    private String chatInLanes(RelayWorker worker) {
        while (true) {
            String chat = "chat-" + UUID.randomUUID();
            if (worker.lanes().contains(laneOf(chat))) {
                return chat;
            }
        }
    }

    private String chatInLane(int lane) {
        while (true) {
            String chat = "chat-" + UUID.randomUUID();
            if (laneOf(chat) == lane) {
                return chat;
            }
        }
    }

    private int laneOf(String key) {
        return pool.preparedQuery("select (hashtext($1) & 2147483647) % $2 as lane")
                .execute(Tuple.of(key, config.lanes())).await().atMost(PATIENCE)
                .iterator().next().getInteger("lane");
    }

    private static Tuple row(String key, String payload) {
        return row(UUID.randomUUID(), key, payload);
    }

    private static Tuple row(UUID id, String key, String payload) {
        return Tuple.of(id, TOPIC, key, payload);
    }

    private void insert(List<Tuple> rows) {
        pool.withTransaction(connection -> connection.preparedQuery("insert into outbox_event "
                        + "(id, topic, record_key, event_type, payload, created_at) values ($1, $2, $3, $2, $4, now())")
                .executeBatch(rows)).await().atMost(PATIENCE);
    }

    private Row outboxRow(UUID id) {
        return pool.preparedQuery("select * from outbox_event where id = $1").execute(Tuple.of(id))
                .await().atMost(PATIENCE).iterator().next();
    }

    private OffsetDateTime parkedAt(UUID id) {
        return outboxRow(id).getOffsetDateTime("parked_at");
    }

    private long waiting() {
        return pool.preparedQuery("select count(*) from outbox_event where published_at is null and parked_at is null")
                .execute().await().atMost(PATIENCE).iterator().next().getLong(0);
    }

    private OffsetDateTime databaseNow() {
        return pool.preparedQuery("select now() as now").execute().await().atMost(PATIENCE)
                .iterator().next().getOffsetDateTime("now");
    }

    private long transactionsOpenSince(OffsetDateTime since) {
        return pool.preparedQuery("select count(*) from pg_stat_activity where datname = current_database() "
                        + "and backend_type = 'client backend' and pid <> pg_backend_pid() and xact_start < $1")
                .execute(Tuple.of(since)).await().atMost(PATIENCE).iterator().next().getLong(0);
    }
}
