package io.switchboard.session.messaging;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.QueueHours;
import io.switchboard.kit.inbox.ProcessedEvents;
import io.switchboard.session.hours.QueueOpening;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Learns the queues' business hours from routing ({@code queue.hours}), once per event across all instances. */
@ApplicationScoped
public class QueueHoursConsumer {

    private final ProcessedEvents processedEvents;
    private final QueueOpening opening;

    public QueueHoursConsumer(ProcessedEvents processedEvents, QueueOpening opening) {
        this.processedEvents = processedEvents;
        this.opening = opening;
    }

    @Incoming("queue-hours")
    public Uni<Void> on(ConsumerRecords<String, String> records) {
        return processedEvents.batch("session.queue-hours", records,
                envelope -> opening.learn(envelope.payload(QueueHours.class)));
    }
}
