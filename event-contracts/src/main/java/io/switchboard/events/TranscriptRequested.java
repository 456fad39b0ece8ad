package io.switchboard.events;

import java.time.Instant;

/**
 * An agent or supervisor asked for the transcript to be mailed now ({@code transcript.requested}, published by
 * session-service). The mail goes to the contact's address on record for the chat, never to an address in a request.
 *
 * @param requestId idempotency key of this request; one request gives at most one e-mail
 */
public record TranscriptRequested(String chatId, String requestId, String requestedBy, Instant requestedAt)
        implements ChatEvent {
}
