package io.switchboard.events;

import java.time.Instant;

/**
 * A participant's delivery or read receipt moved on ({@code chat.receipt.updated}, published by session-service).
 * Receipts are cumulative watermarks over the chat's sequence: {@code deliveredSeq} is the highest seq the
 * participant's client received on its socket, {@code readSeq} the highest its window showed. Both only grow; each
 * event carries both as they are after the change, so the latest event of a participant is its state and a reader
 * that keeps the highest of each needs no order beyond the chat's. A participant never receives the items they may
 * not see (a contact never gets whispers): their watermarks cover the items they can see up to that seq.
 *
 * @param participantId the participant whose client received or showed the items
 * @param name          their display name, as in {@code chat.participant} (pages list who read a message)
 * @param deliveredSeq  every item up to this seq that the participant may see reached its client (0: none yet)
 * @param readSeq       every item up to this seq that the participant may see was shown to it; never above
 *                      {@code deliveredSeq}
 */
public record ReceiptUpdated(String chatId, String participantId, ParticipantRole role, String name,
                             long deliveredSeq, long readSeq, Instant at) implements ChatEvent {
}
