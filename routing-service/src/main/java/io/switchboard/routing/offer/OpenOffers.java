package io.switchboard.routing.offer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.problem.Problems;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.dispatch.RoutingRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The offers an agent can still answer, oldest first. */
@ApplicationScoped
public class OpenOffers {

    /** Past {@code expiresAt} an offer can no longer be accepted, even before the timer closes it. */
    private static final String OPEN_OFFERS = """
            select o, r from Offer o, RoutingRequest r
            where r.id = o.routingRequestId and o.agentId = :agent and o.status = :open and o.expiresAt > :now
            order by o.offeredAt, o.id""";

    public Uni<List<OpenOffer>> of(String agentId) {
        return Panache.withSession(() -> Agent.<Agent>findById(agentId).chain(agent -> {
            if (agent == null) {
                return Uni.createFrom().failure(Problems.notFound("Agent", agentId));
            }
            return Panache.getSession().chain(session -> session.createSelectionQuery(OPEN_OFFERS, Object[].class)
                    .setParameter("agent", agentId)
                    .setParameter("open", OfferStatus.OPEN)
                    .setParameter("now", Instant.now())
                    .getResultList())
                    .map(rows -> rows.stream().map(OpenOffers::toOffer).toList());
        }));
    }

    private static OpenOffer toOffer(Object[] row) {
        Offer offer = (Offer) row[0];
        RoutingRequest request = (RoutingRequest) row[1];
        return new OpenOffer(offer.id.toString(), offer.chatId, offer.queue, offer.kind, offer.offeredAt,
                offer.expiresAt, request.requestId, request.requestedBy, request.waitingSince);
    }
}
