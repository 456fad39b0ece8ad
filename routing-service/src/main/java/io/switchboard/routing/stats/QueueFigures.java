package io.switchboard.routing.stats;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.QueueStats;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.dispatch.Dispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * A supervisor's figures per queue. Agents are counted in the queues whose skills they have: ready (READY with a
 * free slot), busy (READY with every slot taken) or not ready (NOT_READY or AFTER_CHAT_WORK). Offered, accepted,
 * abandoned and the service level (answered within the threshold / answered + abandoned) cover the sliding window.
 */
@ApplicationScoped
public class QueueFigures {

    private static final String AGENTS = "select count(*) from agent a where %s and " + Dispatcher.HAS_QUEUE_SKILLS;
    private static final String WAITING = "from routing_request r where r.queue = q.name and r.status <> 'DONE'"
            + " and r.target_agent_id is null";
    private static final String SINCE = "now() - cast($1 as integer) * interval '1 second'";
    private static final String FIGURES = """
            select q.name,
              (select count(*) %1$s),
              (select coalesce(floor(extract(epoch from now() - min(r.waiting_since))), 0) %1$s),
              (%2$s),
              (%3$s),
              (%4$s),
              (select count(*) from offer o where o.queue = q.name and o.offered_at > %5$s),
              (select count(*) from offer o where o.queue = q.name and o.status = 'ACCEPTED' and o.answered_at > %5$s),
              (select count(*) from routing_request r where r.queue = q.name and r.outcome = 'ABANDONED'
                 and r.finished_at > %5$s),
              (select count(*) from routing_request r where r.queue = q.name and r.kind = 'CHAT'
                 and r.outcome = 'ACCEPTED' and r.finished_at > %5$s
                 and r.answered_at - r.waiting_since <= cast($2 as integer) * interval '1 second'),
              (select count(*) from routing_request r where r.queue = q.name and r.kind = 'CHAT'
                 and r.outcome in ('ACCEPTED', 'ABANDONED') and r.finished_at > %5$s)
            from routing_queue q order by q.name""".formatted(WAITING,
            AGENTS.formatted("a.state = 'READY' and a.workload < a.capacity"),
            AGENTS.formatted("a.state = 'READY' and a.workload >= a.capacity"),
            AGENTS.formatted("a.state in ('NOT_READY', 'AFTER_CHAT_WORK')"),
            SINCE);

    private final long windowSeconds;
    private final long thresholdSeconds;

    public QueueFigures(RoutingConfig config) {
        this.windowSeconds = config.stats().window().toSeconds();
        this.thresholdSeconds = config.stats().serviceLevelThreshold().toSeconds();
    }

    /** Runs inside the caller's session. */
    public Uni<List<QueueStats>> compute() {
        Instant now = Instant.now();
        return NativeSql.rows(FIGURES, (int) windowSeconds, (int) thresholdSeconds)
                .map(rows -> rows.stream().map(row -> stats(row, now)).toList());
    }

    private QueueStats stats(Object[] row, Instant now) {
        long answeredInTime = number(row[9]);
        long handled = number(row[10]);
        Double serviceLevel = handled == 0 ? null : (double) answeredInTime / handled;
        return new QueueStats((String) row[0], (int) number(row[1]), number(row[2]), (int) number(row[3]),
                (int) number(row[4]), (int) number(row[5]), number(row[6]), number(row[7]), number(row[8]),
                serviceLevel, windowSeconds, now);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
