package io.switchboard.history.agent;

import java.time.Instant;

/** One change in an agent's activity log, as {@code agent.state} told it. */
public record AgentStateEntry(String agentId, String agentName, String state, String reason, String previousState,
                             String previousReason, String cause, String changedBy, Instant changedAt) {
}
