package io.switchboard.workflow.item;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.EventType;
import io.switchboard.events.WorkflowDecision;
import io.switchboard.kit.inbox.PermanentEventFailure;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.workflow.WorkflowConfig;
import io.switchboard.workflow.strategy.WorkflowQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Applies the agent's workflow decision from Mark Done. Runs inside the consumer's transaction. A chat enters the
 * workflow once: a second decision for the same chat (a republished event) changes nothing.
 */
@ApplicationScoped
public class Parking {

    private final ItemEvents events;
    private final String fallbackQueue;

    public Parking(ItemEvents events, WorkflowConfig config) {
        this.events = events;
        this.fallbackQueue = config.fallbackQueue();
    }

    public Uni<Void> apply(ChatCompleted chat) {
        WorkflowDecision decision = chat.workflowDecision() == null ? WorkflowDecision.NONE : chat.workflowDecision();
        return InteractionSummary.record(chat).chain(() -> switch (decision) {
            case PARK -> park(chat);
            case STOP -> stop(chat);
            case NONE -> Uni.createFrom().voidItem();
        });
    }

    /**
     * Parks in the chosen queue. If that queue is unknown or was retired since the agent saw the options, the item
     * goes to the fallback queue rather than being lost, and the event's outcome says why; with no usable fallback
     * either, the event goes to the dead-letter topic.
     */
    private Uni<Void> park(ChatCompleted chat) {
        String chosen = chat.workflowQueue();
        Uni<WorkflowQueue> target = chosen == null ? Uni.createFrom().nullItem() : WorkflowQueue.lockActive(chosen);
        return target.chain(queue -> queue != null ? insert(chat, queue.name, null)
                : WorkflowQueue.lockActive(fallbackQueue).chain(fallback -> {
                    if (fallback == null) {
                        throw new PermanentEventFailure("chat " + chat.chatId() + ": workflow queue '" + chosen
                                + "' and fallback queue '" + fallbackQueue + "' are not workflow queues");
                    }
                    Log.warnf("chat %s parked in fallback queue %s: '%s' is not a workflow queue",
                            chat.chatId(), fallbackQueue, chosen);
                    return insert(chat, fallback.name, "fallback: '" + chosen + "' is not a workflow queue");
                }));
    }

    private Uni<Void> stop(ChatCompleted chat) {
        return insert(chat, null, null);
    }

    /** @param queue null for a stop */
    private Uni<Void> insert(ChatCompleted chat, String queue, String note) {
        return enter(chat.chatId(), queue, chat.agentId(), chat.agentId(), note);
    }

    /**
     * Puts an interaction in the workflow once: in {@code queue}, or stopped when null. A second entry of the same
     * interaction (a republished event) changes nothing.
     *
     * @param decidedBy the agent who chose it; null when nobody did (a message the contact left)
     * @param actor     who the workflow event names
     */
    Uni<Void> enter(String chatId, String queue, String decidedBy, String actor, String note) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        WorkflowItem item = new WorkflowItem();
        item.id = UUID.randomUUID();
        item.chatId = chatId;
        item.state = queue == null ? ItemState.STOPPED : ItemState.WAITING;
        item.queue = queue;
        item.decidedBy = decidedBy;
        item.decidedAt = now;
        item.enteredQueueAt = queue == null ? null : now;
        return NativeSql.update("""
                        insert into workflow_item (id, chat_id, state, queue, decided_by, decided_at, entered_queue_at)
                        values ($1, $2, $3, $4, $5, $6, $7) on conflict (chat_id) do nothing""",
                        item.id, item.chatId, item.state, item.queue, item.decidedBy, item.decidedAt,
                        item.enteredQueueAt)
                .chain(inserted -> {
                    if (inserted == 0) {
                        Log.infof("interaction %s is already in the workflow; nothing changed", chatId);
                        return Uni.createFrom().voidItem();
                    }
                    EventType type = queue == null ? EventType.WORKFLOW_STOPPED : EventType.WORKFLOW_QUEUED;
                    return events.publish(type, item, null, actor, note, now);
                });
    }
}
