package io.switchboard.routing.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.switchboard.events.Events;

/** Skills are kept as small JSON texts, so that SQL can match them with the jsonb functions. */
public final class JsonColumns {

    private JsonColumns() {
    }

    public static String write(Object value) {
        try {
            return Events.json().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value, e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return Events.json().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON column: " + json, e);
        }
    }
}
