package io.switchboard.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The common envelope of every Switchboard event, as it travels in the Kafka record value (JSON).
 * The same attributes are copied to CloudEvents headers ({@code ce_id}, {@code ce_type}, ...) so that
 * stock tools can route on them without parsing the body.
 *
 * @param id            unique event id; consumers de-duplicate on it
 * @param type          event type, equal to the topic name it is published on (e.g. {@code chat.requested})
 * @param version       schema version of {@code data}; bumped only for incompatible changes
 * @param time          when the producing service committed the change
 * @param interactionId the chat (interaction) id, which is also the Kafka record key so that one chat's events stay
 *                      in order; {@code null} only for events that are not about one chat ({@code routing.stats})
 * @param source        the producing service, e.g. {@code session-service}
 * @param data          the event body, one of the records in this package
 */
public record EventEnvelope(UUID id, String type, int version, Instant time, String interactionId, String source,
                            JsonNode data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Reads {@code data} as the record registered for this envelope's type. Data that does not fit is an
     * {@link IllegalArgumentException} caused by Jackson's exception (the inbox dead-letters it: it never will fit).
     */
    public <T extends SwitchboardEvent> T payload(Class<T> type) {
        try {
            // treeToValue walks the tree; convertValue would first copy it into a token buffer (every consumed event).
            return Events.json().treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Reads {@code data} as the record registered for {@link #type()}. */
    public SwitchboardEvent payload() {
        return payload(EventType.of(type).payloadType());
    }
}
