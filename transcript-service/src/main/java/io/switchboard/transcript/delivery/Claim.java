package io.switchboard.transcript.delivery;

import io.switchboard.transcript.mail.TranscriptContent;

/**
 * A request this instance holds (status SENDING, under lease) together with everything needed to mail it.
 *
 * @param attempts SMTP conversations already started for the request; more than zero means an earlier one may have
 *                 been accepted without its outcome being recorded
 * @param traceParent the trace of what asked for the transcript (W3C), or null
 */
public record Claim(String requestId, String chatId, int attempts, String recipient, String messageId,
                    TranscriptContent content, String traceParent, String traceState) {
}
