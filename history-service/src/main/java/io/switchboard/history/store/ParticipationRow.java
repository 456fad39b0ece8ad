package io.switchboard.history.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A join or leave notice at position {@code seq} of the chat's timeline. */
@Entity
@Table(name = "interaction_participation")
@IdClass(ChatSeqKey.class)
public class ParticipationRow extends PanacheEntityBase {

    @Id
    @Column(name = "chat_id")
    public String chatId;
    @Id
    public long seq;
    @Column(name = "participant_id")
    public String participantId;
    public String name;
    public String role;
    public String change;
    public boolean joined;
    public Instant at;
}
