package io.switchboard.session.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.OfferKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** An offer routing made to an agent and has not closed yet (accepted, rejected, timed out, chat gone). */
@Entity
@Table(name = "open_offer")
public class OpenOffer extends PanacheEntityBase {

    @Id
    @Column(name = "offer_id")
    public String offerId;
    @Column(name = "agent_id")
    public String agentId;
    @Column(name = "chat_id")
    public String chatId;
    public String queue;
    @Enumerated(EnumType.STRING)
    @Column(name = "offer_kind")
    public OfferKind offerKind;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "requested_by")
    public String requestedBy;

    /** Keeps an offer open or closes it, as the routing decision says; applying the same decision twice is harmless. */
    public static Uni<Void> apply(ChatRouted r) {
        return switch (r.outcome()) {
            case OFFERED -> r.offerId() == null || r.agentId() == null || r.expiresAt() == null
                    ? Uni.createFrom().voidItem()
                    : OpenOffer.<OpenOffer>findById(r.offerId()).chain(existing -> existing != null
                            ? Uni.createFrom().voidItem() : opened(r).persist().replaceWithVoid());
            case ACCEPTED, REJECTED, TIMED_OUT, FAILED -> r.offerId() == null ? Uni.createFrom().voidItem()
                    : close(r.offerId()).replaceWithVoid();
            case UNANSWERED, ABANDONED -> closeAllOf(r.chatId()).replaceWithVoid();
            case QUEUED, OVERFLOWED -> Uni.createFrom().voidItem();
        };
    }

    private static OpenOffer opened(ChatRouted r) {
        OpenOffer o = new OpenOffer();
        o.offerId = r.offerId();
        o.agentId = r.agentId();
        o.chatId = r.chatId();
        o.queue = r.queue();
        o.offerKind = r.offerKind() == null ? OfferKind.CHAT : r.offerKind();
        o.expiresAt = r.expiresAt();
        o.requestedBy = r.requestedBy();
        return o;
    }

    /** The agent's offers that have not expired, oldest first. */
    public static Uni<List<OpenOffer>> of(String agentId, Instant now) {
        return OpenOffer.list("agentId = ?1 and expiresAt > ?2 order by expiresAt", agentId, now);
    }

    public static Uni<Long> close(String offerId) {
        return OpenOffer.delete("offerId", offerId);
    }

    public static Uni<Long> closeAllOf(String chatId) {
        return OpenOffer.delete("chatId", chatId);
    }
}
