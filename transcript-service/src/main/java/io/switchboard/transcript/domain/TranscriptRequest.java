package io.switchboard.transcript.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One request to mail a chat's transcript; its id is the idempotency key. */
@Entity
@Table(name = "transcript_request")
public class TranscriptRequest extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public String requestId;

    @Column(name = "chat_id", nullable = false)
    public String chatId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestOrigin origin;

    @Column(name = "requested_by")
    public String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    /** SMTP conversations started for this request. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "first_attempt_at")
    public Instant firstAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    public String recipient;

    @Column(name = "message_id")
    public String messageId;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    /** The trace of what asked for the transcript; the mail continues it (null when nothing was traced). */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "trace_state")
    public String traceState;

    public static Uni<List<TranscriptRequest>> ofChat(String chatId) {
        return find("chatId = ?1 order by requestedAt", chatId).list();
    }
}
