package io.switchboard.workflow.item;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A workflow item as workers see it, with the interaction's summary (null until any of it is known). */
public record ItemView(UUID itemId, String chatId, String queue, ItemState state, String parkedBy, Instant parkedAt,
                       Instant enteredQueueAt, boolean overdue, String claimedBy, Instant claimedAt, String outcome,
                       String completedBy, Instant completedAt, Summary summary) {

    /**
     * @param data    the chat's attached data at Mark Done (order number, tier...), or given with a message the
     *                contact left; empty when none
     * @param message the text of a message the contact left (out of hours, or when nobody answered); null for a chat
     */
    public record Summary(String contactName, String email, String originQueue, String subject, String agentId,
                          String dispositionCode, String notes, Map<String, Object> data, String message) {
    }

    static ItemView of(WorkflowItem item, InteractionSummary summary) {
        return new ItemView(item.id, item.chatId, item.queue, item.state, item.decidedBy, item.decidedAt,
                item.enteredQueueAt, item.overdueAt != null, item.claimedBy, item.claimedAt, item.outcome,
                item.completedBy, item.completedAt,
                summary == null ? null : new Summary(summary.contactName, summary.email, summary.originQueue,
                        summary.subject, summary.agentId, summary.dispositionCode, summary.notes,
                        summary.data(), summary.message));
    }
}
