package io.switchboard.events;

import java.time.Instant;

/**
 * The agent chose "switch to voice" ({@code chat.call.requested}, published by session-service): a telephony
 * integration dials {@code phoneNumber} (E.164) and connects it to the agent.
 */
public record CallRequested(String chatId, String requestId, String agentId, String phoneNumber,
                            Instant requestedAt) implements ChatEvent {
}
