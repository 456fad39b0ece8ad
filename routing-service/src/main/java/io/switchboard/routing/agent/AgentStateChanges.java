package io.switchboard.routing.agent;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.AgentStateChanged;
import io.switchboard.events.AgentStatus;
import io.switchboard.events.StateChangeCause;
import io.switchboard.kit.outbox.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Objects;

/**
 * The one way an agent's state changes: the locked row and its {@code agent.state} event, in the caller's
 * transaction, so the activity log (history, reports) holds every change the routing decisions were made on.
 */
@ApplicationScoped
public class AgentStateChanges {

    private final EventOutbox outbox;

    public AgentStateChanges(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** Publishes nothing when neither the state nor its reason changes (a READY agent choosing READY again). */
    public Uni<Void> change(Agent agent, AgentState next, String reason, StateChangeCause cause, String changedBy,
                            Instant now) {
        AgentState previous = agent.state;
        String previousReason = agent.stateReason;
        agent.changeState(next, reason, now);
        if (previous == next && Objects.equals(previousReason, reason)) {
            return Uni.createFrom().voidItem();
        }
        return outbox.publish(new AgentStateChanged(agent.id, agent.name, status(next), reason,
                previous == null ? null : status(previous), previousReason, cause, changedBy, now)).replaceWithVoid();
    }

    /** Routing's own change (missed offer, desktop gone, chat done). */
    public Uni<Void> byRouting(Agent agent, AgentState next, String reason, Instant now) {
        return change(agent, next, reason, StateChangeCause.ROUTING, null, now);
    }

    private static AgentStatus status(AgentState state) {
        return AgentStatus.valueOf(state.name());
    }
}
