package io.switchboard.events;

import java.time.Instant;

/**
 * The conversation is over for everyone ({@code chat.ended}, published by session-service); wrap-up may follow.
 *
 * @param seq     the last position of the chat's timeline (the end notice itself)
 * @param endedBy the participant who ended it, or {@code system}
 */
public record ChatEnded(String chatId, long seq, EndReason reason, String endedBy, Instant endedAt)
        implements ChatEvent {
}
