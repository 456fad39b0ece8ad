package io.switchboard.session.messaging;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.CallStatus;
import io.switchboard.kit.inbox.ProcessedEvents;
import io.switchboard.session.call.PhoneCalls;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies the telephony adapter's statuses ({@code telephony.call.status}) to the phone calls of the call log, once per
 * event id across all instances (shared group); the chats of a poll are locked in one order first.
 */
@ApplicationScoped
public class TelephonyStatusConsumer {

    private final ProcessedEvents processedEvents;
    private final PhoneCalls phoneCalls;

    public TelephonyStatusConsumer(ProcessedEvents processedEvents, PhoneCalls phoneCalls) {
        this.processedEvents = processedEvents;
        this.phoneCalls = phoneCalls;
    }

    @Incoming("telephony-status")
    public Uni<Void> on(ConsumerRecords<String, String> records) {
        return processedEvents.batch("session.telephony-status", records, PhoneCalls::lockChats,
                envelope -> phoneCalls.status(envelope.payload(CallStatus.class)));
    }
}
