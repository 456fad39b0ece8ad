package io.switchboard.routing.dispatch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.offer.Offer;
import io.switchboard.routing.offer.OfferStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Offers a request to an agent whose row the caller has locked and checked. */
@ApplicationScoped
public class Offering {

    private final EventOutbox outbox;

    public Offering(EventOutbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Offer> offer(RoutingRequest request, Agent agent, Duration timeout) {
        Instant now = Instant.now();
        Offer offer = new Offer();
        offer.id = UUID.randomUUID();
        offer.routingRequestId = request.id;
        offer.chatId = request.chatId;
        offer.agentId = agent.id;
        offer.kind = request.kind;
        offer.queue = request.queue;
        offer.status = OfferStatus.OPEN;
        offer.offeredAt = now;
        offer.expiresAt = now.plus(timeout);
        agent.workload++;
        agent.idleSince = now;
        request.status = RequestStatus.OFFERED;
        return offer.<Offer>persist()
                // Written now, so that the next candidate query of this transaction sees the agent's new workload.
                .call(Panache::flush)
                .call(() -> outbox.publish(Decisions.aboutOffer(RoutingOutcome.OFFERED, request, offer, agent, null, now)));
    }
}
