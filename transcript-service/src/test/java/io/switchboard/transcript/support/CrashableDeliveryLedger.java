package io.switchboard.transcript.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.transcript.TranscriptConfig;
import io.switchboard.transcript.delivery.DeliveryLedger;
import io.switchboard.transcript.delivery.SentMailAudit;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real ledger, except that a test can make the commit after an accepted SMTP conversation fail once for a
 * request: the state a crash between the SMTP answer and the commit leaves behind (the e-mail is out, the row
 * still says SENDING). A singleton: a subclass of a bean with constructor injection cannot be proxied.
 */
@Alternative
@Priority(1)
@Singleton
public class CrashableDeliveryLedger extends DeliveryLedger {

    private static final Set<String> CRASH_AFTER_SEND = ConcurrentHashMap.newKeySet();

    @Inject
    public CrashableDeliveryLedger(EventOutbox outbox, TranscriptConfig settings, SentMailAudit audit,
                                   Transactions tx, MeterRegistry registry) {
        super(outbox, settings, audit, tx, registry);
    }

    public static void crashAfterSending(String requestId) {
        CRASH_AFTER_SEND.add(requestId);
    }

    @Override
    public Uni<Boolean> recordSent(String requestId) {
        if (CRASH_AFTER_SEND.remove(requestId)) {
            return Uni.createFrom().failure(new IllegalStateException("simulated crash before the commit"));
        }
        return super.recordSent(requestId);
    }
}
