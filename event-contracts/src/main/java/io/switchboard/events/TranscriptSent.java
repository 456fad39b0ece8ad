package io.switchboard.events;

import java.time.Instant;

/**
 * A transcript e-mail was accepted by the SMTP server ({@code transcript.sent}, published by transcript-service).
 *
 * @param messageId the e-mail's Message-ID header, derived from the request id
 */
public record TranscriptSent(String chatId, String requestId, String recipient, String messageId, int attempts,
                             Instant sentAt) implements ChatEvent {
}
