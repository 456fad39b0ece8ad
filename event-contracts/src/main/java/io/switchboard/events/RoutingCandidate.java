package io.switchboard.events;

/**
 * An agent routing considered for an offer ({@code chat.routed} OFFERED {@code candidates}): every one was eligible
 * (READY, the queue's skills, a free slot, not already asked); routing takes the one idle longest.
 *
 * @param idleSeconds since the agent's last offer or becoming READY
 * @param skillLevel  the sum of the agent's levels in the skills the queue (and the chat's data rules) require
 * @param load        chats and open offers the agent holds, before this offer
 * @param chosen      the agent offered the chat
 */
public record RoutingCandidate(String agentId, long idleSeconds, int skillLevel, int load, int capacity,
                               boolean chosen) {
}
