package io.switchboard.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Creates, writes and reads envelopes with one fixed JSON mapping, so every service agrees on the wire format. */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Readers tolerate fields added by newer producers of the same version.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Events() {
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** Wraps a body in a new envelope stamped now, with a fresh event id. */
    public static EventEnvelope envelope(SwitchboardEvent body, String source) {
        return envelope(body, EventType.of(body.getClass()), source);
    }

    /** Wraps a body in a new envelope of the given type, for records that serve several types. */
    public static EventEnvelope envelope(SwitchboardEvent body, EventType type, String source) {
        if (!type.payloadType().isInstance(body)) {
            throw new IllegalArgumentException(type.topic() + " does not carry " + body.getClass().getSimpleName());
        }
        return new EventEnvelope(UUID.randomUUID(), type.topic(), type.version(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), body instanceof ChatEvent chat ? chat.chatId() : null, source, JSON.valueToTree(body));
    }

    public static String write(EventEnvelope envelope) {
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize event " + envelope.id(), e);
        }
    }

    /**
     * Parses and checks a record value. Anything that is not a well-formed envelope of a known type and
     * version raises {@link InvalidEventException}, which consumers turn into a dead-letter record.
     */
    public static EventEnvelope read(String json) {
        EventEnvelope envelope;
        try {
            envelope = JSON.readValue(json, EventEnvelope.class);
        } catch (Exception e) {
            throw new InvalidEventException("not a Switchboard event envelope: " + e.getMessage(), e);
        }
        EventType type = EventType.find(envelope.type())
                .orElseThrow(() -> new InvalidEventException("unknown event type: " + envelope.type()));
        if (envelope.version() != type.version()) {
            throw new InvalidEventException("unsupported version " + envelope.version() + " of " + type.topic());
        }
        return envelope;
    }
}
