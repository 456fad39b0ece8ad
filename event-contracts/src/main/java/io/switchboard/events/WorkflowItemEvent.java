package io.switchboard.events;

import java.time.Instant;

/**
 * A change to a finished interaction in the workflow (published by workflow-service on {@code workflow.queued},
 * {@code workflow.stopped}, {@code workflow.claimed}, {@code workflow.released}, {@code workflow.moved},
 * {@code workflow.completed} and {@code workflow.overdue}; the topic says which change it is).
 *
 * @param itemId    the workflow item; null for {@code workflow.stopped}, where nothing was parked
 * @param queue     the queue the item is in after the change
 * @param fromQueue the queue it left, for {@code workflow.moved}
 * @param actor     the agent or worker who made the change, or {@code system}
 * @param outcome   the worker's outcome, for {@code workflow.completed}
 */
public record WorkflowItemEvent(String chatId, String itemId, String queue, String fromQueue, String actor,
                                String outcome, Instant at) implements ChatEvent {
}
