package io.switchboard.history.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A queue the chat went through, with the first time it entered it. */
@Entity
@Table(name = "interaction_queue")
@IdClass(QueueVisitKey.class)
public class QueueVisitRow extends PanacheEntityBase {

    @Id
    @Column(name = "chat_id")
    public String chatId;
    @Id
    public String queue;
    @Column(name = "entered_at")
    public Instant enteredAt;
}
