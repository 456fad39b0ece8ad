package io.switchboard.events;

import java.time.Instant;

/**
 * An agent's state or its reason changed ({@code agent.state}, published by routing-service, keyed by agent id, so
 * one agent's changes stay in order): the agent's activity log for supervisors, history and workforce reports.
 *
 * @param reason    why the agent is NOT_READY ("break", or routing's "missed offer", "disconnected"); null otherwise
 * @param changedBy the user who asked for it (AGENT, SUPERVISOR); null when routing changed it
 */
public record AgentStateChanged(String agentId, String agentName, AgentStatus state, String reason,
                                AgentStatus previousState, String previousReason, StateChangeCause cause,
                                String changedBy, Instant at) implements SwitchboardEvent {

    @Override
    public String key() {
        return agentId;
    }
}
