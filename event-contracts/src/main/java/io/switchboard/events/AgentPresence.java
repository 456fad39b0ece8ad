package io.switchboard.events;

import java.time.Instant;

/**
 * Whether an agent has a desktop connected ({@code agent.presence}, published by session-service, keyed by agent
 * id): CONNECTED when the agent's first socket opens on any session-service instance, DISCONNECTED when the last
 * one closes or the instance holding it stops answering. Routing offers chats only to connected agents.
 *
 * @param version grows by one with every flip of this agent's presence: a reader keeps the highest it has seen and
 *                ignores an older one, so the outcome does not depend on delivery order
 */
public record AgentPresence(String agentId, PresenceStatus status, long version, Instant at)
        implements SwitchboardEvent {

    @Override
    public String key() {
        return agentId;
    }
}
