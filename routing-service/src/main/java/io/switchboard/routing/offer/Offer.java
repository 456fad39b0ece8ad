package io.switchboard.routing.offer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.switchboard.events.OfferKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One chat offered to one agent until {@link #expiresAt}; a unique index allows one open offer per chat. */
@Entity
@Table(name = "offer")
public class Offer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "routing_request_id")
    public UUID routingRequestId;

    @Column(name = "chat_id")
    public String chatId;

    @Column(name = "agent_id")
    public String agentId;

    @Enumerated(EnumType.STRING)
    public OfferKind kind;

    public String queue;

    @Enumerated(EnumType.STRING)
    public OfferStatus status;

    @Column(name = "offered_at")
    public Instant offeredAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    public boolean open() {
        return status == OfferStatus.OPEN;
    }

    public void close(OfferStatus result, Instant now) {
        status = result;
        answeredAt = now;
    }
}
