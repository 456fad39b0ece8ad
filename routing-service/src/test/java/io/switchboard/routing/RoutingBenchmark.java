package io.switchboard.routing;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.routing.support.AgentSimulator;
import io.switchboard.routing.support.RoutedRecords;
import io.switchboard.routing.support.RoutingApi;
import io.switchboard.routing.support.SessionEvents;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Not a test: measures routing with the real broker and database and prints the figures (run with -Pbench).
 * <ol>
 * <li>Latency: a steady stream of chat.requested at {@code bench.rate}/s for {@code bench.seconds}; for each chat,
 * the time from producing the request to seeing the OFFERED chat.routed record (p50, p99).</li>
 * <li>Throughput: a burst of {@code bench.burst} requests at once; routing decisions (offers) per second until the
 * last offer is seen.</li>
 * </ol>
 * 50 agents accept every offer over REST and mark the chat done at once, so capacity keeps freeing.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class,
        initArgs = @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "routing_bench"))
class RoutingBenchmark {

    private static final int AGENTS = 50;
    private static final int CAPACITY = 3;
    private static final int RATE = Integer.getInteger("bench.rate", 20);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final int BURST = Integer.getInteger("bench.burst", 500);
    /** Long enough to report even on a machine busy with other builds. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final double P50 = 0.50;
    private static final double P99 = 0.99;

    /**
     * Per steady chat, from the rows: when the request was taken in, when it was offered, when the OFFERED event
     * was written to the outbox and when the relay had it acknowledged by the broker.
     */
    private static final String STAGES = """
            select r.chat_id, r.queue_entered_at, o.offered_at, e.published_at
            from routing_request r join offer o on o.routing_request_id = r.id
            join outbox_event e on e.record_key = r.chat_id and e.event_type = 'chat.routed'
                 and e.payload like '%"OFFERED"%' and position(cast(o.id as varchar) in e.payload) > 0
            where r.chat_id = any($1)""";

    private final RoutingApi api = new RoutingApi();

    @Inject
    Pool database;

    @Test
    void measure() throws Exception {
        String bootstrap = SwitchboardInfrastructure.kafkaBootstrapServers();
        String prefix = SwitchboardInfrastructure.topicPrefix();
        api.createQueue("bench", List.of("bench"), 3600, null, 60);
        Set<String> roster = new HashSet<>();
        for (int i = 0; i < AGENTS; i++) {
            String agent = "bench-" + i;
            api.createAgent(agent, Map.of("bench", 3), CAPACITY, "agent");
            api.ready(agent);
            roster.add(agent);
        }
        try (SessionEvents session = new SessionEvents(bootstrap, prefix);
             RoutedRecords routed = new RoutedRecords(bootstrap, prefix);
             AgentSimulator agents = new AgentSimulator(routed, List.of(api), session, roster)) {
            Map<String, Instant> sentAt = new ConcurrentHashMap<>();
            List<Long> latencies = steadyStream(session, routed, sentAt);
            double decisionsPerSecond = burst(session, routed);
            // Read last: by now the relay has marked every steady OFFERED record as sent.
            String stages = stages(sentAt);
            String summary = String.format("BENCH routing-service: %d agents, %d req/s for %ds: chat.requested -> "
                            + "OFFERED p50 %d ms, p99 %d ms; burst of %d: %.0f routing decisions/s",
                    AGENTS, RATE, SECONDS, percentile(latencies, P50), percentile(latencies, P99), BURST,
                    decisionsPerSecond);
            System.out.println(summary);
            System.out.println("BENCH routing-service stages (p50/p99 ms): " + stages);
        }
    }

    private List<Long> steadyStream(SessionEvents session, RoutedRecords routed, Map<String, Instant> sentAt) {
        long periodNanos = Duration.ofSeconds(1).toNanos() / RATE;
        long start = System.nanoTime();
        for (int i = 0; i < RATE * SECONDS; i++) {
            // Open model: each request leaves at its planned time, whatever happened to the previous ones.
            LockSupport.parkNanos(start + i * periodNanos - System.nanoTime());
            String chat = "steady-" + i;
            sentAt.put(chat, Instant.now());
            session.sendAsync(SessionEvents.request(chat, "bench"));
        }
        session.flush();
        await().atMost(PATIENCE).until(() -> routed.count(sentAt.keySet(), RoutingOutcome.OFFERED) >= sentAt.size());
        Map<String, Instant> offeredAt = new HashMap<>();
        routed.all().stream()
                .filter(s -> s.event().outcome() == RoutingOutcome.OFFERED && sentAt.containsKey(s.event().chatId()))
                .forEach(s -> offeredAt.putIfAbsent(s.event().chatId(), s.seenAt()));
        return sentAt.entrySet().stream()
                .map(e -> Duration.between(e.getValue(), offeredAt.get(e.getKey())).toMillis())
                .sorted()
                .toList();
    }

    private double burst(SessionEvents session, RoutedRecords routed) {
        Set<String> chats = new HashSet<>();
        Instant start = Instant.now();
        for (int i = 0; i < BURST; i++) {
            String chat = "burst-" + i;
            chats.add(chat);
            session.sendAsync(SessionEvents.request(chat, "bench"));
        }
        session.flush();
        await().atMost(PATIENCE).until(() -> routed.count(chats, RoutingOutcome.OFFERED) >= BURST);
        Instant last = routed.all().stream()
                .filter(s -> s.event().outcome() == RoutingOutcome.OFFERED && chats.contains(s.event().chatId()))
                .map(RoutedRecords.Seen::seenAt).max(Instant::compareTo).orElseThrow();
        return BURST / (Duration.between(start, last).toMillis() / 1000.0);
    }

    /**
     * Where the time of the steady stream went: consume (produced until the request row was taken in), decide
     * (taken in until offered), relay (offered until the broker acknowledged the OFFERED record; includes the
     * offer's commit) and deliver (acknowledged until the test's consumer saw it).
     */
    private String stages(Map<String, Instant> sentAt) {
        List<Long> consume = new ArrayList<>();
        List<Long> decide = new ArrayList<>();
        List<Long> relay = new ArrayList<>();
        for (Row row : database.preparedQuery(STAGES).execute(Tuple.of(sentAt.keySet().toArray(String[]::new)))
                .await().atMost(PATIENCE)) {
            Instant taken = row.getOffsetDateTime("queue_entered_at").toInstant();
            Instant offered = row.getOffsetDateTime("offered_at").toInstant();
            consume.add(Duration.between(sentAt.get(row.getString("chat_id")), taken).toMillis());
            decide.add(Duration.between(taken, offered).toMillis());
            if (row.getOffsetDateTime("published_at") != null) {
                relay.add(Duration.between(offered, row.getOffsetDateTime("published_at").toInstant()).toMillis());
            }
        }
        return "consume " + spread(consume) + ", decide " + spread(decide) + ", relay " + spread(relay)
                + " (" + consume.size() + " offers)";
    }

    private static String spread(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? "-" : percentile(sorted, P50) + "/" + percentile(sorted, P99);
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
