package io.switchboard.workflow.item;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.MessageLeft;
import io.switchboard.kit.inbox.PermanentEventFailure;
import io.switchboard.workflow.WorkflowConfig;
import io.switchboard.workflow.strategy.WorkflowQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * A message a contact left (out of hours, or when nobody answered) becomes a work item in its queue's follow-up
 * queue, with the contact's details, the text and the attached data in its summary. Runs inside the consumer's
 * transaction; a redelivered message adds nothing.
 */
@ApplicationScoped
public class MessageFollowUps {

    private final Parking parking;
    private final String defaultQueue;
    private final Map<String, String> queues;
    private final String fallbackQueue;

    public MessageFollowUps(Parking parking, WorkflowConfig config) {
        this.parking = parking;
        this.defaultQueue = config.offlineMessages().defaultQueue();
        this.queues = config.offlineMessages().queues();
        this.fallbackQueue = config.fallbackQueue();
    }

    public Uni<Void> apply(MessageLeft message) {
        String chosen = queues.getOrDefault(message.queue(), defaultQueue);
        return InteractionSummary.record(message).chain(() -> WorkflowQueue.lockActive(chosen)).chain(queue -> {
            if (queue != null) {
                return parking.enter(message.chatId(), queue.name, null, ItemEvents.SYSTEM, null);
            }
            // A follow-up queue taken out of the strategy: the message goes to the fallback rather than being lost.
            return WorkflowQueue.lockActive(fallbackQueue).chain(fallback -> {
                if (fallback == null) {
                    throw new PermanentEventFailure("message " + message.chatId() + ": follow-up queue '" + chosen
                            + "' and fallback queue '" + fallbackQueue + "' are not workflow queues");
                }
                Log.warnf("message %s put in fallback queue %s: '%s' is not a workflow queue", message.chatId(),
                        fallbackQueue, chosen);
                return parking.enter(message.chatId(), fallback.name, null, ItemEvents.SYSTEM,
                        "fallback: '" + chosen + "' is not a workflow queue");
            });
        });
    }
}
