package io.switchboard.history.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.switchboard.events.CallRequested;
import io.switchboard.events.CallUpdated;
import io.switchboard.events.ChatDataChanged;
import io.switchboard.events.ChatMonitoring;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.ConferenceRequested;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Events;
import io.switchboard.events.TranscriptFailed;
import io.switchboard.events.TranscriptRequested;
import io.switchboard.events.TranscriptSent;
import io.switchboard.events.TransferRequested;
import io.switchboard.events.WorkflowItemEvent;
import io.switchboard.history.store.ActivityRow;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code interaction_activity}: how each kind of event maps onto the shared columns. */
record ActivityEntry(UUID eventId, String chatId, String type, Instant at, String outcome, String queue,
                     String fromQueue, String actorId, String actorName, String targetType, String targetId,
                     String offerKind, String requestId, String itemId, String detail, Integer attempts) {

    /** The offered agent is the actor; the agent who asked for a transfer or conference goes in target_id. */
    static ActivityEntry routed(EventEnvelope envelope, ChatRouted e) {
        return new ActivityEntry(envelope.id(), e.chatId(), envelope.type(), e.at(), name(e.outcome()), e.queue(),
                null, e.agentId(), e.agentName(), null, e.requestedBy(), name(e.offerKind()), e.requestId(),
                e.offerId(), e.reason(), null);
    }

    static ActivityEntry transfer(EventEnvelope envelope, TransferRequested e) {
        return new ActivityEntry(envelope.id(), e.chatId(), envelope.type(), e.requestedAt(), null, null,
                e.fromQueue(), e.requestedBy(), null, name(e.targetType()), e.targetId(), null, e.requestId(), null,
                null, null);
    }

    static ActivityEntry conference(EventEnvelope envelope, ConferenceRequested e) {
        return new ActivityEntry(envelope.id(), e.chatId(), envelope.type(), e.requestedAt(), null, null,
                e.fromQueue(), e.requestedBy(), null, name(e.targetType()), e.targetId(), null, e.requestId(), null,
                null, null);
    }

    /** Who monitored the chat: the supervisor is the actor, STARTED or STOPPED the outcome. */
    static ActivityEntry monitoring(EventEnvelope envelope, ChatMonitoring e) {
        return new ActivityEntry(envelope.id(), e.chatId(), envelope.type(), e.at(),
                e.started() ? ActivityRow.MONITORING_STARTED : ActivityRow.MONITORING_STOPPED, null, null, e.supervisorId(),
                e.supervisorName(), null, null, null, null, null, null, null);
    }

    static ActivityEntry call(EventEnvelope envelope, CallRequested e) {
        return new ActivityEntry(envelope.id(), e.chatId(), envelope.type(), e.requestedAt(), null, null, null,
                e.agentId(), null, null, e.phoneNumber(), null, e.requestId(), null, null, null);
    }

    /** What a call step adds to its call: the reason, who ended it and the seconds talked (in {@code detail}). */
    public record CallDetail(String reason, String endedBy, Long durationSeconds) {
    }

    /**
     * A step of a call ({@code chat.call.updated}): the call id in request_id (a phone call's is its request's),
     * the state as outcome, the channel as target_type, the number dialled as target_id, the agent as actor.
     */
    static ActivityEntry callUpdated(EventEnvelope envelope, CallUpdated e) {
        return new ActivityEntry(envelope.id(), e.chatId(), envelope.type(), e.at(), name(e.state()), null, null,
                e.agentId(), null, name(e.channel()), e.phoneNumber(), null, e.callId(), null,
                json(new CallDetail(e.reason(), e.endedBy(), e.durationSeconds())), null);
    }

    static ActivityEntry transcriptRequested(EventEnvelope envelope, TranscriptRequested e) {
        return new ActivityEntry(envelope.id(), e.chatId(), envelope.type(), e.requestedAt(), null, null, null,
                e.requestedBy(), null, null, null, null, e.requestId(), null, null, null);
    }

    static ActivityEntry transcriptSent(EventEnvelope envelope, TranscriptSent e) {
        return new ActivityEntry(envelope.id(), e.chatId(), envelope.type(), e.sentAt(), null, null, null, null,
                null, null, e.recipient(), null, e.requestId(), e.messageId(), null, e.attempts());
    }

    static ActivityEntry transcriptFailed(EventEnvelope envelope, TranscriptFailed e) {
        return new ActivityEntry(envelope.id(), e.chatId(), envelope.type(), e.failedAt(), null, null, null, null,
                null, null, null, null, e.requestId(), null, e.reason(), e.attempts());
    }

    static ActivityEntry workflow(EventEnvelope envelope, WorkflowItemEvent e) {
        return new ActivityEntry(envelope.id(), e.chatId(), envelope.type(), e.at(), e.outcome(), e.queue(),
                e.fromQueue(), e.actor(), null, null, null, null, null, e.itemId(), null, null);
    }

    /** The origin (REQUEST, AGENT, INTEGRATION) is the outcome; the key-by-key changes are the detail, as JSON. */
    static ActivityEntry dataChanged(EventEnvelope envelope, ChatDataChanged e) {
        return new ActivityEntry(envelope.id(), e.chatId(), envelope.type(), e.changedAt(), name(e.origin()), null,
                null, e.changedBy(), null, null, null, null, null, null, json(e.changes()), null);
    }

    static String json(Object value) {
        try {
            return Events.json().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON", e);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
