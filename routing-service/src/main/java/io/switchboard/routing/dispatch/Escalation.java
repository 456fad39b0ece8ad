package io.switchboard.routing.dispatch;

import io.switchboard.events.ConferenceRequested;
import io.switchboard.events.OfferKind;
import io.switchboard.events.TargetType;
import io.switchboard.events.TransferRequested;

/** A transfer or a conference invitation: the same routing, a different effect on acceptance. */
public record Escalation(OfferKind kind, String chatId, String requestId, String requestedBy, TargetType targetType,
                         String targetId, String fromQueue) {

    public static Escalation of(TransferRequested event) {
        return new Escalation(OfferKind.TRANSFER, event.chatId(), event.requestId(), event.requestedBy(),
                event.targetType(), event.targetId(), event.fromQueue());
    }

    public static Escalation of(ConferenceRequested event) {
        return new Escalation(OfferKind.CONFERENCE, event.chatId(), event.requestId(), event.requestedBy(),
                event.targetType(), event.targetId(), event.fromQueue());
    }
}
