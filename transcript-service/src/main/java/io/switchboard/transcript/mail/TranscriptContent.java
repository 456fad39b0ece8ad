package io.switchboard.transcript.mail;

import io.switchboard.transcript.domain.LineKind;
import java.time.Instant;
import java.util.List;

/**
 * What one transcript e-mail shows, read from the store when its request is claimed.
 *
 * @param acknowledgement the acknowledgement of a message the contact left (its one line), not a chat's transcript
 */
public record TranscriptContent(String chatId, String contactName, String language, String queue, String subject,
                                Instant startedAt, List<Line> lines, boolean acknowledgement) {

    public record Line(long seq, LineKind kind, String authorName, String text, String url, Instant at) {
    }
}
