package io.switchboard.events;

import java.time.Instant;
import java.util.List;

/**
 * A routing decision about a chat ({@code chat.routed}, published by routing-service). Which fields are set
 * depends on {@code outcome}: QUEUED has position and estimated wait; OFFERED/ACCEPTED/REJECTED/TIMED_OUT have
 * the offer, the agent and the kind; transfers and conferences carry the request id and the agent who asked.
 *
 * @param offerKind   CHAT, TRANSFER or CONFERENCE (null for QUEUED, OVERFLOWED, UNANSWERED, ABANDONED)
 * @param requestId   the transfer or conference request this decision answers, if any
 * @param requestedBy the agent who asked for the transfer or conference, if any
 * @param reason      free text for people: why an offer failed, why a chat overflowed, why this agent was offered it
 * @param candidates  OFFERED from a queue only: the agents considered, the chosen one first, then the others in the
 *                    order routing ranks them (absent for other outcomes and offers to a named agent)
 */
public record ChatRouted(String chatId, RoutingOutcome outcome, String queue, String offerId, String agentId,
                         String agentName, OfferKind offerKind, Instant expiresAt, Integer position,
                         Integer estimatedWaitSeconds, String requestId, String requestedBy, String reason,
                         Instant at, List<RoutingCandidate> candidates) implements ChatEvent {

    public ChatRouted(String chatId, RoutingOutcome outcome, String queue, String offerId, String agentId,
                      String agentName, OfferKind offerKind, Instant expiresAt, Integer position,
                      Integer estimatedWaitSeconds, String requestId, String requestedBy, String reason, Instant at) {
        this(chatId, outcome, queue, offerId, agentId, agentName, offerKind, expiresAt, position, estimatedWaitSeconds,
                requestId, requestedBy, reason, at, null);
    }
}
