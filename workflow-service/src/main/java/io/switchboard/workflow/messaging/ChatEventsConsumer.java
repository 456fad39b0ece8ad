package io.switchboard.workflow.messaging;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.ChatRequested;
import io.switchboard.events.EventType;
import io.switchboard.events.MessageLeft;
import io.switchboard.kit.inbox.ProcessedEvents;
import io.switchboard.kit.inbox.ProcessedEvents.Effect;
import io.switchboard.workflow.item.InteractionSummary;
import io.switchboard.workflow.item.MessageFollowUps;
import io.switchboard.workflow.item.Parking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The events the workflow is made of, read by one channel and applied once per event id, one transaction per poll
 * whatever the types in it: Mark Done parks or stops the interaction as the agent chose ({@code chat.completed}), a
 * chat request keeps the contact's side of the summary workers see with parked items ({@code chat.requested}), a
 * message a contact left becomes a work item in a follow-up queue ({@code contact.message.left}). One channel rather
 * than one per type: a chat's request and its completion made two polls, two transactions and two wake-ups.
 */
@ApplicationScoped
public class ChatEventsConsumer {

    private static final String CHANNEL = "workflow.chat-events";

    private final ProcessedEvents processedEvents;
    private final Map<String, Effect> effects;

    public ChatEventsConsumer(ProcessedEvents processedEvents, Parking parking, MessageFollowUps followUps) {
        this.processedEvents = processedEvents;
        // Each type keeps the consumer name its channel of its own had: events applied before are still known.
        this.effects = Map.of(
                EventType.CHAT_COMPLETED.topic(), new Effect("workflow.park",
                        env -> parking.apply(env.payload(ChatCompleted.class))),
                EventType.CHAT_REQUESTED.topic(), new Effect("workflow.summary",
                        env -> InteractionSummary.record(env.payload(ChatRequested.class))),
                EventType.CONTACT_MESSAGE_LEFT.topic(), new Effect("workflow.message-left",
                        env -> followUps.apply(env.payload(MessageLeft.class))));
    }

    @Incoming("chat-events")
    public Uni<Void> on(ConsumerRecords<String, String> records) {
        return processedEvents.batch(CHANNEL, records, effects);
    }
}
