package io.switchboard.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Builds {@code docs/events.schema.json} from {@link EventType} and the event records. */
final class EventSchemaGenerator {

    private EventSchemaGenerator() {
    }

    static ObjectNode generate() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(Events.json(), SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .without(Option.SCHEMA_VERSION_INDICATOR)
                .with(Option.INLINE_ALL_SCHEMAS)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT);
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            Class<?> erased = type.getErasedType();
            if (erased == Instant.class) {
                return new CustomDefinition(string(context.getGeneratorConfig().createObjectNode(), "date-time"));
            }
            if (erased == UUID.class) {
                return new CustomDefinition(string(context.getGeneratorConfig().createObjectNode(), "uuid"));
            }
            // Attached data: string keys, each value a string, a number or a boolean.
            if (erased == Object.class) {
                return new CustomDefinition(dataValue(context.getGeneratorConfig().createObjectNode()));
            }
            if (Map.class.isAssignableFrom(erased)) {
                ObjectNode map = context.getGeneratorConfig().createObjectNode();
                map.put("type", "object");
                dataValue(map.putObject("additionalProperties"));
                return new CustomDefinition(map);
            }
            return null;
        });
        SchemaGenerator generator = new SchemaGenerator(config.build());

        ObjectNode root = Events.json().createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://switchboard.dev/schemas/events.schema.json");
        root.put("title", "Switchboard events");
        root.put("description", "The value of every Kafka record Switchboard publishes: an envelope whose data "
                + "matches its type. Generated from the event-contracts module; do not edit by hand.");
        ObjectNode defs = root.putObject("$defs");
        ArrayNode oneOf = root.putArray("oneOf");
        for (EventType type : EventType.values()) {
            String dataDef = type.payloadType().getSimpleName();
            if (!defs.has(dataDef)) {
                defs.set(dataDef, generator.generateSchema(type.payloadType()));
            }
            oneOf.add(envelope(type, dataDef));
        }
        return root;
    }

    private static ObjectNode dataValue(ObjectNode node) {
        node.putArray("type").add("string").add("number").add("boolean");
        return node;
    }

    private static ObjectNode envelope(EventType type, String dataDef) {
        ObjectNode env = Events.json().createObjectNode();
        env.put("title", type.topic());
        env.put("description", "Published by " + type.producer() + " on topic " + type.topic()
                + ", keyed by " + keyOf(type) + ".");
        env.put("type", "object");
        ObjectNode props = env.putObject("properties");
        string(props.putObject("id"), "uuid");
        props.putObject("type").put("const", type.topic());
        props.putObject("version").put("const", type.version());
        string(props.putObject("time"), "date-time");
        props.putObject("interactionId").putArray("type").add("string").add("null");
        props.putObject("source").put("type", "string");
        props.putObject("data").put("$ref", "#/$defs/" + dataDef);
        ArrayNode required = env.putArray("required");
        for (String field : new String[] {"id", "type", "version", "time", "source", "data"}) {
            required.add(field);
        }
        return env;
    }

    private static String keyOf(EventType type) {
        return switch (type) {
            case ROUTING_STATS, QUEUE_HOURS -> "queue name";
            case AGENT_PRESENCE, AGENT_STATE -> "agent id";
            default -> "chat id";
        };
    }

    private static ObjectNode string(ObjectNode node, String format) {
        return node.put("type", "string").put("format", format);
    }

    static String pretty(JsonNode node) throws Exception {
        return Events.json().writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    }
}
