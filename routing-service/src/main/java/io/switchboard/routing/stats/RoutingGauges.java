package io.switchboard.routing.stats;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.switchboard.routing.offer.OfferAnswers;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contact centre now, as gauges for the dashboard and the alerts: chats waiting and the longest wait per queue,
 * agents per state. Every replica reports the same figures (they come from the database): aggregate them with
 * {@code max}, not sum. Read every {@code switchboard.metrics.refresh-interval}, not at each scrape.
 */
@Startup
@ApplicationScoped
public class RoutingGauges {

    public static final String CHATS_WAITING = "switchboard.routing.chats.waiting";
    public static final String LONGEST_WAIT = "switchboard.routing.longest.wait.seconds";
    public static final String AGENTS = "switchboard.routing.agents";

    /** Waiting = not done and not aimed at one agent (the same rule as the supervisor's figures). */
    private static final String QUEUES = """
            select q.name,
              (select count(*) from routing_request r where r.queue = q.name and r.status <> 'DONE'
                 and r.target_agent_id is null) as waiting,
              (select coalesce(extract(epoch from now() - min(r.waiting_since)), 0) from routing_request r
                 where r.queue = q.name and r.status <> 'DONE' and r.target_agent_id is null)::float8 as longest
            from routing_queue q""";

    /** READY means able to take a chat now; READY agents without a free slot are BUSY. Logged-out agents left out. */
    private static final String AGENT_STATES = """
            select case when state = 'READY' and workload >= capacity then 'BUSY' else state end as shown, count(*)
            from agent where state <> 'LOGGED_OUT' group by 1""";
    private static final List<String> STATES = List.of("READY", "BUSY", "NOT_READY", "AFTER_CHAT_WORK");

    private final Pool pool;
    private final MeterRegistry registry;
    private final MultiGauge waiting;
    private final MultiGauge longest;
    private final MultiGauge agents;

    public RoutingGauges(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.registry = registry;
        this.waiting = MultiGauge.builder(CHATS_WAITING).description("Chats waiting for an agent, per queue")
                .register(registry);
        this.longest = MultiGauge.builder(LONGEST_WAIT).baseUnit("seconds")
                .description("How long the longest waiting chat of the queue has waited; 0 when none waits")
                .register(registry);
        this.agents = MultiGauge.builder(AGENTS)
                .description("Agents per state (READY: can take a chat now; BUSY: ready without a free slot)")
                .register(registry);
        // Present from the start, so an alert on "no agent READY" sees 0 rather than no series.
        agents.register(STATES.stream().map(state -> MultiGauge.Row.of(Tags.of("state", state), 0)).toList(), true);
    }

    @Scheduled(every = "${switchboard.metrics.refresh-interval}", delayed = "${switchboard.metrics.refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return pool.query(QUEUES).execute()
                .invoke(rows -> {
                    List<MultiGauge.Row<?>> waitingRows = new ArrayList<>();
                    List<MultiGauge.Row<?>> longestRows = new ArrayList<>();
                    for (Row row : rows) {
                        Tags queue = Tags.of("queue", row.getString("name"));
                        waitingRows.add(MultiGauge.Row.of(queue, row.getLong("waiting")));
                        longestRows.add(MultiGauge.Row.of(queue, row.getDouble("longest")));
                        // Every queue's counter from 0, so a rate() sees the first timeout too.
                        registry.counter(OfferAnswers.OFFERS_TIMED_OUT, queue);
                    }
                    waiting.register(waitingRows, true);
                    longest.register(longestRows, true);
                })
                .chain(() -> pool.query(AGENT_STATES).execute())
                .invoke(rows -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    STATES.forEach(state -> counts.put(state, 0L));
                    for (Row row : rows) {
                        counts.put(row.getString("shown"), row.getLong(1));
                    }
                    agents.register(counts.entrySet().stream()
                            .map(e -> MultiGauge.Row.of(Tags.of("state", e.getKey()), e.getValue())).toList(), true);
                })
                .replaceWithVoid()
                .onFailure().invoke(failure -> Log.debugf("routing gauges not refreshed: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }
}
