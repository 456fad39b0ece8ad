package io.switchboard.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The published JSON Schema of all events ({@code docs/events.schema.json}, packaged in this jar), for checking a
 * record value against the contract analysts rely on.
 */
public final class EventSchema {

    public static final String RESOURCE = "/switchboard/events.schema.json";
    private static final JsonSchema SCHEMA = load();

    private EventSchema() {
    }

    /** The reasons the record value does not match the contract; empty when it does. */
    public static List<String> violations(String recordValue) {
        JsonNode json;
        try {
            json = Events.json().readTree(recordValue);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        return SCHEMA.validate(json).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load() {
        try (InputStream in = EventSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
