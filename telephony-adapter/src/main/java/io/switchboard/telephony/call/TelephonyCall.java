package io.switchboard.telephony.call;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A phone call an agent asked for ({@code chat.call.requested}), one per request id, and where it stands. */
@Entity
@Table(name = "telephony_call")
public class TelephonyCall extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public String requestId;

    @Column(name = "chat_id", nullable = false, updatable = false)
    public String chatId;

    @Column(name = "agent_id", nullable = false, updatable = false)
    public String agentId;

    @Column(name = "phone_number", nullable = false, updatable = false)
    public String phoneNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CallState state;

    /** FAILED/ENDED: the short code published with it. */
    public String reason;

    @Column(name = "provider_call_id")
    public String providerCallId;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "duration_seconds")
    public Long durationSeconds;

    /** Click-to-call requests recorded so far (each one before it was sent). */
    @Column(nullable = false)
    public int attempts;

    /** REQUESTED: when the next attempt is due. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** When the last attempt was recorded (PLACING since then). */
    @Column(name = "attempt_started_at")
    public Instant attemptStartedAt;

    /** Why the last attempt did not succeed, for operators. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;

    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;

    @Column(name = "dialling_at")
    public Instant diallingAt;

    @Column(name = "connected_at")
    public Instant connectedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
