package io.switchboard.routing.agent;

import java.time.Instant;
import java.util.Map;

/**
 * An agent as the API shows them; {@code load} counts the chats held and offered; {@code desktopConnected}: a desktop
 * of theirs is open (chats are offered only then).
 */
public record AgentView(String id, String name, Map<String, Integer> skills, int capacity, String role,
                        AgentState state, String reason, Instant stateSince, Instant idleSince, int load,
                        boolean desktopConnected) {

    static AgentView of(Agent agent) {
        return new AgentView(agent.id, agent.name, agent.skills, agent.capacity, agent.role.label(), agent.state,
                agent.stateReason, agent.stateSince, agent.idleSince, agent.workload, agent.desktopConnected);
    }
}
