package io.switchboard.events;

import java.time.Instant;

/**
 * An agent asked to transfer a chat ({@code chat.transfer.requested}, published by session-service). Routing offers
 * it to the target; the requesting agent leaves when the offer is accepted, and keeps the chat if it fails.
 *
 * @param targetId a queue name, or an agent's or supervisor's id
 */
public record TransferRequested(String chatId, String requestId, String requestedBy, TargetType targetType,
                                String targetId, String fromQueue, Instant requestedAt) implements ChatEvent {
}
