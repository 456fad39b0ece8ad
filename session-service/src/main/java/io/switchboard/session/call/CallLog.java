package io.switchboard.session.call;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.CallState;
import io.switchboard.events.CallUpdated;
import io.switchboard.events.ParticipantRole;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.session.chat.Timeline;
import io.switchboard.session.domain.Chat;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Records a call's step: the row, a CALL notice for everyone in the chat and {@code chat.call.updated} through the
 * outbox, all in the caller's transaction. The chat must be locked ({@link Chat#lockForUpdate}) so that the notice's
 * seq stays gap-free and a chat's call events keep their order.
 */
@ApplicationScoped
public class CallLog {

    private final Timeline timeline;
    private final EventOutbox outbox;

    public CallLog(Timeline timeline, EventOutbox outbox) {
        this.timeline = timeline;
        this.outbox = outbox;
    }

    /** Who made a step happen; {@link #SYSTEM} for the ring timeout and the telephony. */
    public record By(String id, String name, ParticipantRole role) {
        public static final By SYSTEM = new By(null, null, null);
    }

    /** A new call, persisted, with its first notice and event. */
    public Uni<ChatCall> opened(Chat chat, ChatCall call, By by) {
        call.createdAt = call.createdAt == null ? now() : call.createdAt;
        call.updatedAt = call.createdAt;
        return call.<ChatCall>persist().chain(() -> recorded(chat, call, by, call.createdAt));
    }

    /**
     * The call moved on to {@code call.state} (set by the caller, with the reason and, when it ended, who ended it).
     * Sets the answer and end times from {@code at}.
     */
    public Uni<ChatCall> stepped(Chat chat, ChatCall call, By by, Instant at) {
        call.updatedAt = at;
        if (call.answeredAt == null && (call.state == CallState.ANSWERED
                || call.state == CallState.CONNECTED)) {
            call.answeredAt = at;
        }
        if (call.state.isFinal() && call.endedAt == null) {
            call.endedAt = at;
        }
        return recorded(chat, call, by, at);
    }

    private Uni<ChatCall> recorded(Chat chat, ChatCall call, By by, Instant at) {
        Long duration = call.durationSeconds();
        return timeline.callNotice(chat, new Timeline.CallStep(call.id, call.channel, call.state, call.reason,
                        duration, by.id(), by.name(), by.role(), call.phoneNumber))
                .chain(notice -> outbox.publish(new CallUpdated(chat.id, call.id, call.channel, call.state,
                        call.agentId, call.phoneNumber, call.reason, call.state.isFinal() ? call.endedBy : null,
                        duration, at)))
                .replaceWith(call);
    }

    static Instant now() {
        // Microseconds: what PostgreSQL keeps, so the event and a later read of the row agree.
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
