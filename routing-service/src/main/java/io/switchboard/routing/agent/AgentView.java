package io.switchboard.routing.agent;

import java.time.Instant;
import java.util.Map;

/** An agent as the API shows them; {@code load} counts the chats held and offered. */
public record AgentView(String id, String name, Map<String, Integer> skills, int capacity, String role,
                        AgentState state, String reason, Instant stateSince, Instant idleSince, int load) {

    static AgentView of(Agent agent) {
        return new AgentView(agent.id, agent.name, agent.skills, agent.capacity, agent.role.label(), agent.state,
                agent.stateReason, agent.stateSince, agent.idleSince, agent.workload);
    }
}
