package io.switchboard.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    /** The chat ids of a page of interactions, in page order. */
    static List<String> chatIds(String page) {
        List<String> ids = new ArrayList<>();
        parse(page).path("items").forEach(item -> ids.add(item.path("chatId").asText()));
        return ids;
    }
}
