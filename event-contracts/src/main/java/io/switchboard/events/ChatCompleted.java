package io.switchboard.events;

import java.time.Instant;
import java.util.Map;

/**
 * The agent clicked Mark Done ({@code chat.completed}, published by session-service): wrap-up is final and the
 * chat no longer counts against the agent's capacity.
 *
 * @param sendTranscript  the "send transcript to the contact" box was ticked
 * @param workflowQueue   the workflow queue chosen with OK, when {@code workflowDecision} is PARK
 * @param data            the chat's attached data as it stands at Mark Done (final values); absent when none
 */
public record ChatCompleted(String chatId, String agentId, String notes, String dispositionCode,
                            boolean sendTranscript, WorkflowDecision workflowDecision, String workflowQueue,
                            Instant completedAt, Map<String, Object> data) implements ChatEvent {

    public ChatCompleted(String chatId, String agentId, String notes, String dispositionCode,
                         boolean sendTranscript, WorkflowDecision workflowDecision, String workflowQueue,
                         Instant completedAt) {
        this(chatId, agentId, notes, dispositionCode, sendTranscript, workflowDecision, workflowQueue, completedAt,
                null);
    }
}
