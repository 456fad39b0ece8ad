package io.switchboard.transcript.domain;

import java.time.Instant;
import java.util.List;

/**
 * A chat's transcript as the API shows it.
 *
 * @param complete the chat ended and every line up to its end is in
 */
public record TranscriptDto(String chatId, Contact contact, String language, String queue, String subject,
                            Instant endedAt, boolean complete, List<Line> lines, List<Send> requests) {

    public record Contact(String name, String email) {
    }

    public record Line(long seq, String kind, String authorId, String authorName, String authorRole, String text,
                       String url, Instant at) {
    }

    /** One request to mail the transcript and how far it got. */
    public record Send(String requestId, String origin, String requestedBy, String status, int attempts,
                       Instant requestedAt, Instant nextAttemptAt, String recipient, String messageId,
                       String lastError, Instant sentAt, Instant failedAt) {
    }

    static TranscriptDto of(Transcript transcript, List<TranscriptLine> lines, List<TranscriptRequest> requests) {
        long upToEnd = transcript.ended() ? lines.stream().filter(l -> l.seq <= transcript.endSeq).count() : 0;
        return new TranscriptDto(transcript.chatId, new Contact(transcript.contactName, transcript.email),
                transcript.language, transcript.queue, transcript.subject, transcript.endedAt,
                transcript.ended() && upToEnd >= transcript.endSeq,
                lines.stream().filter(l -> l.kind.forContact()).map(l -> new Line(l.seq, l.kind.name(), l.authorId,
                        l.authorName, l.authorRole, l.text, l.url, l.at)).toList(),
                requests.stream().map(r -> new Send(r.requestId, r.origin.name(), r.requestedBy, r.status.name(),
                        r.attempts, r.requestedAt, r.nextAttemptAt, r.recipient, r.messageId, r.lastError, r.sentAt,
                        r.failedAt)).toList());
    }
}
