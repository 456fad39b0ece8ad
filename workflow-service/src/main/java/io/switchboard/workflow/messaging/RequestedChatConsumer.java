package io.switchboard.workflow.messaging;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatRequested;
import io.switchboard.kit.inbox.ProcessedEvents;
import io.switchboard.workflow.item.InteractionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the contact's side of the interaction summary that workers see with parked items. */
@ApplicationScoped
public class RequestedChatConsumer {

    private final ProcessedEvents processedEvents;

    public RequestedChatConsumer(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @Incoming("chat-requested")
    public Uni<Void> on(ConsumerRecords<String, String> records) {
        return processedEvents.batch("workflow.summary", records,
                envelope -> InteractionSummary.record(envelope.payload(ChatRequested.class)));
    }
}
