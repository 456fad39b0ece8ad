package io.switchboard.session.attachment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A file posted in a chat: which chat it belongs to and where the file store keeps its bytes. */
@Entity
@Table(name = "attachment")
public class Attachment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "chat_id")
    public String chatId;

    /** The file's key in the {@link FileStore}. */
    @Column(name = "store_key")
    public String storeKey;

    @Column(name = "file_name")
    public String fileName;

    /** As read from the bytes. */
    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long size;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;
}
