package io.switchboard.transcript.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What this service knows of one chat: the contact (from chat.requested) and the end (from chat.ended). */
@Entity
@Table(name = "transcript")
public class Transcript extends PanacheEntityBase {

    @Id
    @Column(name = "chat_id")
    public String chatId;

    @Column(name = "contact_name")
    public String contactName;

    public String email;
    public String language;
    public String queue;
    public String subject;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "end_seq")
    public Long endSeq;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_received_at")
    public Instant endReceivedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean ended() {
        return endSeq != null;
    }
}
