package io.switchboard.routing.offer;

import io.switchboard.events.OfferKind;
import java.time.Instant;

/**
 * An offer still waiting for the agent's answer, with what the desktop needs to show it again after a reconnect:
 * the same fields as the OFFERED decision, plus when it was made and since when the contact waits.
 */
public record OpenOffer(String offerId, String chatId, String queue, OfferKind offerKind, Instant offeredAt,
                        Instant expiresAt, String requestId, String requestedBy, Instant waitingSince) {
}
