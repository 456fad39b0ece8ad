package io.switchboard.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The chat's attached data changed ({@code chat.data.changed}, published by session-service): key–value pairs given
 * with the chat request, by an integration or by the agent who owns the chat, until Mark Done. Values are strings,
 * numbers or booleans.
 *
 * @param data      every pair after the change: a reader needs no earlier event to know the chat's data
 * @param changes   what this change did, key by key: {@code value} absent means the key was removed, {@code previous}
 *                  absent means it was new
 * @param changedBy who changed it: the agent's or the service's id, or the contact id for the chat request
 * @param origin    REQUEST (given with the chat request), AGENT (the owning agent), INTEGRATION (a service or a
 *                  supervisor)
 */
public record ChatDataChanged(String chatId, Map<String, Object> data, List<Change> changes, String changedBy,
                              DataOrigin origin, Instant changedAt) implements ChatEvent {

    /** One key's change. */
    public record Change(String key, Object value, Object previous) {
    }
}
