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
import java.time.Duration;
import java.time.Instant;
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
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final double P50 = 0.50;
    private static final double P99 = 0.99;

    private final RoutingApi api = new RoutingApi();

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
            List<Long> latencies = steadyStream(session, routed);
            double decisionsPerSecond = burst(session, routed);
            String summary = String.format("BENCH routing-service: %d agents, %d req/s for %ds: chat.requested -> "
                            + "OFFERED p50 %d ms, p99 %d ms; burst of %d: %.0f routing decisions/s",
                    AGENTS, RATE, SECONDS, percentile(latencies, P50), percentile(latencies, P99), BURST,
                    decisionsPerSecond);
            System.out.println(summary);
        }
    }

    private List<Long> steadyStream(SessionEvents session, RoutedRecords routed) {
        Map<String, Instant> sentAt = new ConcurrentHashMap<>();
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

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
