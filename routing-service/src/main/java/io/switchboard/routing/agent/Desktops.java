package io.switchboard.routing.agent;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.AgentPresence;
import io.switchboard.events.PresenceStatus;
import io.switchboard.routing.dispatch.Rows;
import jakarta.enterprise.context.ApplicationScoped;

/** Applies {@code agent.presence}: whether an agent has a desktop connected, and since when it is gone. */
@ApplicationScoped
public class Desktops {

    /** Run in the consumer's transaction. */
    public Uni<Void> presenceChanged(AgentPresence event) {
        return Rows.lockAgent(event.agentId()).invoke(agent -> {
            if (agent == null) {
                // Not on the roster: nothing is ever offered to them.
                Log.debugf("presence of unknown agent %s ignored", event.agentId());
                return;
            }
            if (event.version() <= agent.presenceVersion) {
                return;
            }
            agent.presenceVersion = event.version();
            agent.desktopConnected = event.status() == PresenceStatus.CONNECTED;
            // The grace period counts from when the desktop closed, not from when routing heard of it.
            agent.desktopLostAt = agent.desktopConnected ? null : event.at();
        }).replaceWithVoid();
    }
}
