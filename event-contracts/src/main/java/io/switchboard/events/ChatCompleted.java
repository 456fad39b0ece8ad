package io.switchboard.events;

import java.time.Instant;

/**
 * The agent clicked Mark Done ({@code chat.completed}, published by session-service): wrap-up is final and the
 * chat no longer counts against the agent's capacity.
 *
 * @param sendTranscript  the "send transcript to the contact" box was ticked
 * @param workflowQueue   the workflow queue chosen with OK, when {@code workflowDecision} is PARK
 */
public record ChatCompleted(String chatId, String agentId, String notes, String dispositionCode,
                            boolean sendTranscript, WorkflowDecision workflowDecision, String workflowQueue,
                            Instant completedAt) implements ChatEvent {
}
