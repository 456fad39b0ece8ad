package io.switchboard.history.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message at position {@code seq} of the chat's timeline (its full-text column is left to the database). */
@Entity
@Table(name = "interaction_message")
@IdClass(ChatSeqKey.class)
public class MessageRow extends PanacheEntityBase {

    @Id
    @Column(name = "chat_id")
    public String chatId;
    @Id
    public long seq;
    @Column(name = "message_id")
    public UUID messageId;
    @Column(name = "client_message_id")
    public String clientMessageId;
    @Column(name = "author_id")
    public String authorId;
    @Column(name = "author_name")
    public String authorName;
    @Column(name = "author_role")
    public String authorRole;
    public String kind;
    public String text;
    public String url;
    @Column(name = "sent_at")
    public Instant sentAt;
    /** For the chat's staff only (a supervisor's or an agent's whisper); never the contact's. */
    public boolean whisper;
    /** A FILE message: its file (the name is the text). */
    @Column(name = "attachment_id")
    public UUID attachmentId;
    @Column(name = "attachment_type")
    public String attachmentType;
    @Column(name = "attachment_size")
    public Long attachmentSize;
}
