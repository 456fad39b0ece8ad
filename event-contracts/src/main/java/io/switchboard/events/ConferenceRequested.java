package io.switchboard.events;

import java.time.Instant;

/**
 * An agent invited another agent or a supervisor into a chat ({@code chat.conference.requested}, published by
 * session-service). Routing offers the invitation; the chat stays with its agent.
 *
 * @param targetId a queue name (anyone ready there), or an agent's or supervisor's id
 */
public record ConferenceRequested(String chatId, String requestId, String requestedBy, TargetType targetType,
                                  String targetId, String fromQueue, Instant requestedAt) implements ChatEvent {
}
