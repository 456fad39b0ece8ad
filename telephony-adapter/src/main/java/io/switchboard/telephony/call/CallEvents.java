package io.switchboard.telephony.call;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.CallStatus;
import io.switchboard.events.EventType;
import io.switchboard.kit.outbox.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Records a call's new status ({@code telephony.call.status}, key = chat id) in the outbox, in its transaction. */
@ApplicationScoped
public class CallEvents {

    private final EventOutbox outbox;

    public CallEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** Publishes the call's current (published) state with its reason, call id, end details. */
    public Uni<Void> statusChanged(TelephonyCall call, Instant at) {
        CallStatus status = new CallStatus(call.chatId, call.requestId, call.state.published(), call.reason,
                call.providerCallId, call.endedBy, call.durationSeconds, at);
        return outbox.publish(status, EventType.TELEPHONY_CALL_STATUS).replaceWithVoid();
    }
}
