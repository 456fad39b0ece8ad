package io.switchboard.workflow.messaging;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatCompleted;
import io.switchboard.kit.inbox.ProcessedEvents;
import io.switchboard.workflow.item.Parking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Mark Done: parks or stops the interaction as the agent chose. */
@ApplicationScoped
public class CompletedChatConsumer {

    private final ProcessedEvents processedEvents;
    private final Parking parking;

    public CompletedChatConsumer(ProcessedEvents processedEvents, Parking parking) {
        this.processedEvents = processedEvents;
        this.parking = parking;
    }

    @Incoming("chat-completed")
    public Uni<Void> on(ConsumerRecords<String, String> records) {
        return processedEvents.batch("workflow.park", records,
                        envelope -> parking.apply(envelope.payload(ChatCompleted.class)));
    }
}
