package io.switchboard.routing.dispatch;

import io.switchboard.events.ChatRouted;
import io.switchboard.events.OfferKind;
import io.switchboard.events.RoutingCandidate;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.offer.Offer;
import java.time.Instant;
import java.util.List;

/** The {@code chat.routed} events routing publishes, one factory per kind of decision. */
public final class Decisions {

    private Decisions() {
    }

    public static ChatRouted queued(RoutingRequest request, int position, int estimatedWaitSeconds, String reason,
                                    Instant now) {
        return new ChatRouted(request.chatId, RoutingOutcome.QUEUED, request.queue, null, null, null, null, null,
                position, estimatedWaitSeconds, request.requestId, request.requestedBy, reason, now);
    }

    /** OFFERED, ACCEPTED, REJECTED, TIMED_OUT: about one offer to one agent. */
    public static ChatRouted aboutOffer(RoutingOutcome outcome, RoutingRequest request, Offer offer, Agent agent,
                                        String reason, Instant now) {
        return offered(outcome, request, offer, agent, reason, null, now);
    }

    /** OFFERED with the agents considered and why this one (null candidates: not explained). */
    public static ChatRouted offered(RoutingOutcome outcome, RoutingRequest request, Offer offer, Agent agent,
                                     String reason, List<RoutingCandidate> candidates, Instant now) {
        return new ChatRouted(request.chatId, outcome, offer.queue, offer.id.toString(), agent.id, agent.name,
                offer.kind, offer.expiresAt, null, null, request.requestId, request.requestedBy, reason, now,
                candidates);
    }

    /** OVERFLOWED, UNANSWERED, ABANDONED, FAILED: about the request as a whole. */
    public static ChatRouted finished(RoutingOutcome outcome, RoutingRequest request, String reason, Instant now) {
        return new ChatRouted(request.chatId, outcome, request.queue, null, null, null,
                outcome == RoutingOutcome.FAILED ? request.kind : null, null, null, null, request.requestId,
                request.requestedBy, reason, now);
    }

    /** A transfer or invitation refused before anything was queued (unknown target, chat ended...). */
    public static ChatRouted refused(String chatId, String queue, OfferKind kind,
                                     String requestId, String requestedBy, String reason, Instant now) {
        return new ChatRouted(chatId, RoutingOutcome.FAILED, queue, null, null, null, kind, null, null, null,
                requestId, requestedBy, reason, now);
    }
}
