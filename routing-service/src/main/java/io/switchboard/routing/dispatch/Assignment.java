package io.switchboard.routing.dispatch;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.switchboard.events.OfferKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A chat an agent holds, counted against their capacity from acceptance until released. */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "chat_id")
    public String chatId;

    @Column(name = "agent_id")
    public String agentId;

    @Enumerated(EnumType.STRING)
    public OfferKind kind;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "released_at")
    public Instant releasedAt;

    public static Assignment of(String chatId, String agentId, OfferKind kind, Instant now) {
        Assignment assignment = new Assignment();
        assignment.chatId = chatId;
        assignment.agentId = agentId;
        assignment.kind = kind;
        assignment.acceptedAt = now;
        return assignment;
    }
}
