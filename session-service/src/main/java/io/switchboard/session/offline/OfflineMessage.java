package io.switchboard.session.offline;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message a contact left instead of chatting; an interaction of its own, with an id like a chat's. */
@Entity
@Table(name = "offline_message")
public class OfflineMessage extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "contact_id")
    public String contactId;

    @Column(name = "contact_name")
    public String contactName;

    public String email;

    public String queue;

    public String language;

    public String text;

    @Column(name = "contact_verified")
    public boolean contactVerified;

    /** The attached data given with it, a JSON object; null when none. */
    public String data;

    @Column(name = "left_at")
    public Instant leftAt;

    /** The client's id of this submission; null when it sent none. */
    @Column(name = "client_message_id")
    public String clientMessageId;
}
