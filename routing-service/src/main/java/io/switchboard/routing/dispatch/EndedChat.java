package io.switchboard.routing.dispatch;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.switchboard.events.EndReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A chat known to have ended; a chat.requested arriving after it (another topic) never queues it. */
@Entity
@Table(name = "ended_chat")
public class EndedChat extends PanacheEntityBase {

    @Id
    @Column(name = "chat_id")
    public String chatId;

    @Enumerated(EnumType.STRING)
    public EndReason reason;

    @Column(name = "ended_at")
    public Instant endedAt;
}
