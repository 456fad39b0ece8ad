package io.switchboard.events;

import java.time.Instant;

/**
 * Someone joined or left a chat ({@code chat.participant}, published by session-service). Shown to everyone in
 * the chat as a notice, at position {@code seq} of the timeline.
 *
 * @param joined true when the participant joined, false when they left
 */
public record ChatParticipant(String chatId, long seq, boolean joined, ParticipantChange change,
                              String participantId, String name, ParticipantRole role, Instant at)
        implements ChatEvent {
}
