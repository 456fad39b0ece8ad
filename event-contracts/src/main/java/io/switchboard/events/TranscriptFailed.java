package io.switchboard.events;

import java.time.Instant;

/** A transcript e-mail could not be sent after every retry ({@code transcript.failed}, by transcript-service). */
public record TranscriptFailed(String chatId, String requestId, String reason, int attempts, Instant failedAt)
        implements ChatEvent {
}
