package io.switchboard.workflow.outbox;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Outbox rows relayed per second: a backlog of {@code ROWS} rows (1,000 chats, 300-byte payloads) is committed in
 * one transaction, then the time from that commit until the relay marked the last one published is printed. A benchmark, not part of the build
 * (surefire runs *Test classes only); it uses nothing but the outbox table, so it runs against any relay version:
 * {@code mvn -B -o -pl workflow-service -am verify -Dtest=OutboxThroughputBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "workflow"),
        @ResourceArg(name = SwitchboardInfrastructure.TOPICS_ARG, value = OutboxThroughputBenchmark.TOPIC)})
class OutboxThroughputBenchmark {

    static final String TOPIC = "outbox.bench";
    private static final int ROWS = Integer.getInteger("bench.rows", 20_000);
    private static final int CHATS = 1_000;
    private static final int INSERT_BATCH = 1_000;
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    @Inject
    Pool pool;

    @Test
    void relayABacklog() {
        relay(ROWS / 10, "warm-up");
        relay(ROWS, "backlog");
    }

    private void relay(int rows, String label) {
        String payload = "x".repeat(300);
        List<String> chats = new ArrayList<>();
        for (int c = 0; c < CHATS; c++) {
            chats.add("chat-" + UUID.randomUUID());
        }
        List<Tuple> all = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            all.add(Tuple.of(UUID.randomUUID(), TOPIC, chats.get(i % CHATS), payload));
        }
        // One transaction: the whole backlog appears at its commit, so the time after it is the relay's alone.
        long start = System.nanoTime();
        pool.withTransaction(connection -> {
            Uni<Void> done = Uni.createFrom().voidItem();
            for (int from = 0; from < rows; from += INSERT_BATCH) {
                List<Tuple> batch = all.subList(from, Math.min(rows, from + INSERT_BATCH));
                done = done.chain(() -> connection.preparedQuery("insert into outbox_event (id, topic, record_key, "
                                + "event_type, payload, created_at) values ($1, $2, $3, $2, $4, now())")
                        .executeBatch(batch).replaceWithVoid());
            }
            return done;
        }).await().atMost(PATIENCE);
        long committed = System.nanoTime();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> waiting() == 0);
        long relayed = System.nanoTime();
        System.out.printf("OUTBOX BENCH %s: %d rows committed in %.0f ms, all published %.0f ms after the commit: "
                        + "%.0f rows/s%n", label, rows, (committed - start) / 1e6, (relayed - committed) / 1e6,
                rows / ((relayed - committed) / 1e9));
    }

    private long waiting() {
        return pool.preparedQuery("select count(*) from outbox_event where published_at is null")
                .execute().await().atMost(PATIENCE).iterator().next().getLong(0);
    }
}
