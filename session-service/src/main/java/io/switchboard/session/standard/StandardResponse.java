package io.switchboard.session.standard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A prepared answer of the library, with one text per language. */
@Entity
@Table(name = "standard_response")
public class StandardResponse extends PanacheEntityBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> TEXTS = new TypeReference<>() {
    };

    @Id
    public UUID id;
    public String category;
    public String title;
    /** JSON object language → text, kept as text: it is only ever read whole. */
    @Column(name = "texts")
    public String textsJson;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public Map<String, String> texts() {
        try {
            return JSON.readValue(textsJson, TEXTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("standard response " + id + " has unreadable texts", e);
        }
    }

    public void texts(Map<String, String> texts) {
        try {
            textsJson = JSON.writeValueAsString(new LinkedHashMap<>(texts));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
