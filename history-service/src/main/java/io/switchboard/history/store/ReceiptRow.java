package io.switchboard.history.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A participant's last delivery and read receipts in a chat ({@code chat.receipt.updated}). */
@Entity
@Table(name = "interaction_receipt")
@IdClass(ReceiptKey.class)
public class ReceiptRow extends PanacheEntityBase {

    @Id
    @Column(name = "chat_id")
    public String chatId;
    @Id
    @Column(name = "participant_id")
    public String participantId;
    public String name;
    public String role;
    @Column(name = "delivered_seq")
    public long deliveredSeq;
    @Column(name = "read_seq")
    public long readSeq;
    @Column(name = "first_read_at")
    public Instant firstReadAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "read_at")
    public Instant readAt;
}
