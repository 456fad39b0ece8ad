package io.switchboard.history.agent;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.AgentStateChanged;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.history.search.Page;
import io.switchboard.kit.tx.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The agents' activity log from {@code agent.state}: written once per event id (in the consumer's transaction), read
 * per agent in time order. Changes of one agent commute: the log is the same whatever order they arrive in.
 */
@ApplicationScoped
public class AgentStateLog {

    private static final String INSERT = """
            insert into agent_state_change(event_id, agent_id, agent_name, state, reason, previous_state,
                previous_reason, cause, changed_by, changed_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict do nothing""";

    private static final String RANGE = "agent_id = $1 and changed_at >= $2 and changed_at < $3";

    private static final String PAGE = """
            select agent_id, agent_name, state, reason, previous_state, previous_reason, cause, changed_by, changed_at
            from agent_state_change where %s
            order by changed_at, event_id limit $4 offset $5""".formatted(RANGE);

    private static final String COUNT = "select count(*) from agent_state_change where " + RANGE;

    /** Run in the consumer's transaction; other event types are not this log's. */
    public Uni<Void> apply(EventEnvelope envelope) {
        if (EventType.of(envelope.type()) != EventType.AGENT_STATE) {
            return Uni.createFrom().voidItem();
        }
        AgentStateChanged e = envelope.payload(AgentStateChanged.class);
        return NativeSql.update(INSERT, envelope.id(), e.agentId(), e.agentName(), e.state(), e.reason(),
                e.previousState(), e.previousReason(), e.cause(), e.changedBy(), e.at()).replaceWithVoid();
    }

    /** An agent's changes from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    public Uni<Page<AgentStateEntry>> of(String agentId, Instant from, Instant to, int page, int size) {
        return NativeSql.value(COUNT, Long.class, agentId, from, to)
                .chain(total -> NativeSql.rows(PAGE, agentId, from, to, size, (long) page * size)
                        .map(rows -> new Page<>(rows.stream().map(AgentStateLog::entry).toList(), page, size,
                                total)));
    }

    private static AgentStateEntry entry(Object[] row) {
        return new AgentStateEntry((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], (String) row[7], NativeSql.instant(row[8]));
    }
}
