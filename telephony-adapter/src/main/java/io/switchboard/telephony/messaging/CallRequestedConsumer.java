package io.switchboard.telephony.messaging;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.CallRequested;
import io.switchboard.kit.inbox.ProcessedEvents;
import io.switchboard.telephony.call.Calls;
import io.switchboard.telephony.call.Dialler;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * "Make a call": records each requested call once per event id (and once per request id), then wakes the dialler,
 * which places it after this transaction committed.
 */
@ApplicationScoped
public class CallRequestedConsumer {

    private final ProcessedEvents processedEvents;
    private final Calls calls;
    private final Dialler dialler;

    public CallRequestedConsumer(ProcessedEvents processedEvents, Calls calls, Dialler dialler) {
        this.processedEvents = processedEvents;
        this.calls = calls;
        this.dialler = dialler;
    }

    @Incoming("call-requested")
    public Uni<Void> on(ConsumerRecords<String, String> records) {
        return processedEvents.batch("telephony.call", records,
                        envelope -> calls.requested(envelope.payload(CallRequested.class)))
                .invoke(dialler::kick);
    }
}
