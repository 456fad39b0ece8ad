package io.switchboard.routing.offer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.agent.AgentState;
import io.switchboard.routing.agent.AgentStateChanges;
import io.switchboard.routing.dispatch.Assignment;
import io.switchboard.routing.dispatch.Decisions;
import io.switchboard.routing.dispatch.RequestStatus;
import io.switchboard.routing.dispatch.RoutingRequest;
import io.switchboard.routing.dispatch.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * What happens when an offer is answered: accepted (the agent holds the chat), rejected or missed (the chat goes
 * back to its queue for the next agent; a transfer or invitation to a named agent fails and its asker is told).
 * Callers run these inside a transaction.
 */
@ApplicationScoped
public class OfferAnswers {

    static final String MISSED_OFFER = "missed offer";
    /** The state reason of an agent whose desktop stayed away past the grace period. */
    public static final String DISCONNECTED = "disconnected";

    private static final String REQUEST_OF_OFFER = "select cast(routing_request_id as varchar) from offer where id = $1";

    public static final String OFFERS_TIMED_OUT = "switchboard.routing.offers.timed.out";
    /** The queue tag of an offer made to one named agent (transfer, conference), which has no queue. */
    static final String NO_QUEUE = "none";

    private final EventOutbox outbox;
    private final MeterRegistry registry;
    private final AgentStateChanges states;

    public OfferAnswers(EventOutbox outbox, MeterRegistry registry, AgentStateChanges states) {
        this.outbox = outbox;
        this.registry = registry;
        this.states = states;
    }

    public Uni<ChatRouted> accept(UUID offerId, String agentId) {
        return answerable(offerId, agentId).chain(locked -> {
            Instant now = Instant.now();
            locked.offer.close(OfferStatus.ACCEPTED, now);
            locked.request.finish(RoutingOutcome.ACCEPTED, now);
            ChatRouted accepted = Decisions.aboutOffer(RoutingOutcome.ACCEPTED, locked.request, locked.offer,
                    locked.agent, null, now);
            // The offer's slot becomes the chat's: the workload does not change.
            return Assignment.of(locked.offer.chatId, agentId, locked.offer.kind, now).persist()
                    .chain(() -> outbox.publish(accepted))
                    .replaceWith(accepted);
        });
    }

    public Uni<Void> reject(UUID offerId, String agentId) {
        return answerable(offerId, agentId)
                .chain(locked -> unanswered(locked, RoutingOutcome.REJECTED, locked.agent.name + " rejected the offer"));
    }

    /** An offer whose time ran out; the caller holds the request and offer locks. */
    public Uni<Void> expire(RoutingRequest request, Offer offer) {
        return Rows.lockAgent(offer.agentId).chain(agent -> states.byRouting(agent, AgentState.NOT_READY,
                        MISSED_OFFER, Instant.now())
                .chain(() -> unanswered(new Locked(request, offer, agent), RoutingOutcome.TIMED_OUT,
                        agent.name + " did not answer in time"))
                // Counted when the expiry is written; the rare rolled-back transaction is retried and counts
                // again, which a rate over minutes does not notice.
                .invoke(() -> Counter.builder(OFFERS_TIMED_OUT).description("Offers not answered in time")
                        .tag("queue", offer.queue != null ? offer.queue : NO_QUEUE).register(registry)
                        .increment()));
    }

    /**
     * An open offer to an agent whose desktop stayed away past the grace period: nobody will answer it, so the chat
     * goes to the next agent now instead of at the offer's expiry, and the agent is set NOT_READY "disconnected".
     * The caller holds the request and offer locks; nothing happens if the desktop came back meanwhile.
     */
    public Uni<Void> withdrawFromAbsent(RoutingRequest request, Offer offer) {
        return Rows.lockAgent(offer.agentId).chain(agent -> {
            if (agent.desktopConnected) {
                return Uni.createFrom().voidItem();
            }
            return leftDesk(agent, Instant.now()).chain(() -> unanswered(new Locked(request, offer, agent),
                    RoutingOutcome.TIMED_OUT, agent.name + " disconnected"));
        });
    }

    /** A READY (or after-chat work) agent whose desktop is gone for good goes NOT_READY "disconnected". */
    public Uni<Void> leftDesk(Agent agent, Instant now) {
        if (agent.state == AgentState.READY || agent.state == AgentState.AFTER_CHAT_WORK) {
            return states.byRouting(agent, AgentState.NOT_READY, DISCONNECTED, now);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> unanswered(Locked locked, RoutingOutcome outcome, String reason) {
        Instant now = Instant.now();
        locked.offer.close(outcome == RoutingOutcome.REJECTED ? OfferStatus.REJECTED : OfferStatus.TIMED_OUT, now);
        locked.agent.workload--;
        RoutingRequest request = locked.request;
        Uni<?> told = outbox.publish(Decisions.aboutOffer(outcome, request, locked.offer, locked.agent, reason, now));
        if (request.directed()) {
            // Offered to that one agent only: the asker keeps the chat and is told.
            request.finish(RoutingOutcome.FAILED, now);
            return told.chain(() -> outbox.publish(Decisions.finished(RoutingOutcome.FAILED, request, reason, now)))
                    .replaceWithVoid();
        }
        request.status = RequestStatus.WAITING;
        return told.replaceWithVoid();
    }

    /** Locks request, offer and agent, and checks that this agent may still answer this offer. */
    private Uni<Locked> answerable(UUID offerId, String agentId) {
        return NativeSql.column(REQUEST_OF_OFFER, String.class, offerId)
                .chain(ids -> {
                    if (ids.isEmpty()) {
                        return Uni.createFrom().failure(Problems.notFound("Offer", offerId.toString()));
                    }
                    return Rows.lockRequest(UUID.fromString(ids.get(0)))
                            .chain(request -> Rows.lockOffer(offerId).chain(offer -> {
                                check(offer, agentId);
                                return Rows.lockAgent(agentId).map(agent -> new Locked(request, offer, agent));
                            }));
                });
    }

    private static void check(Offer offer, String agentId) {
        if (!offer.agentId.equals(agentId)) {
            throw Problems.forbidden("This offer was made to another agent.");
        }
        if (offer.status == OfferStatus.TIMED_OUT || offer.open() && !Instant.now().isBefore(offer.expiresAt)) {
            throw Problems.conflict("offer-expired", "Offer expired",
                    "The offer expired at " + offer.expiresAt + "; the chat went to the next agent.");
        }
        if (!offer.open()) {
            throw Problems.conflict("offer-closed", "Offer closed",
                    "The offer is already " + offer.status.name().toLowerCase() + ".");
        }
    }

    private record Locked(RoutingRequest request, Offer offer, Agent agent) {
    }
}
