package io.switchboard.workflow.messaging;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.MessageLeft;
import io.switchboard.kit.inbox.ProcessedEvents;
import io.switchboard.workflow.item.MessageFollowUps;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A message a contact left: a work item in the follow-up queue. */
@ApplicationScoped
public class MessageLeftConsumer {

    private final ProcessedEvents processedEvents;
    private final MessageFollowUps followUps;

    public MessageLeftConsumer(ProcessedEvents processedEvents, MessageFollowUps followUps) {
        this.processedEvents = processedEvents;
        this.followUps = followUps;
    }

    @Incoming("message-left")
    public Uni<Void> on(ConsumerRecords<String, String> records) {
        return processedEvents.batch("workflow.message-left", records,
                envelope -> followUps.apply(envelope.payload(MessageLeft.class)));
    }
}
