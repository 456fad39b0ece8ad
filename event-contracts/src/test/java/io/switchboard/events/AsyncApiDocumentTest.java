package io.switchboard.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analysts' AsyncAPI document (docs/asyncapi.yaml), the topic table (docs/topics.md) and the topic definitions ops
 * apply (deploy/kafka/topics.yml) describe exactly the event types of {@link EventType}: a channel, a send operation by
 * the right producer and a message per type, whose payload is that type's envelope in docs/events.schema.json.
 */
class AsyncApiDocumentTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Path TOPIC_DEFINITIONS = Path.of("..", "deploy", "kafka", "topics.yml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode asyncApi;
    private static JsonNode schema;

    @BeforeAll
    static void read() throws IOException {
        asyncApi = YAML.readTree(DOCS.resolve("asyncapi.yaml").toFile());
        schema = JSON.readTree(DOCS.resolve("events.schema.json").toFile());
    }

    @Test
    void isAnAsyncApi3DocumentOnKafka() {
        assertThat(asyncApi.path("asyncapi").asText()).startsWith("3.");
        assertThat(asyncApi.path("servers").elements().next().path("protocol").asText()).isEqualTo("kafka");
    }

    @Test
    void everyEventTypeHasItsChannelAndNothingElse() {
        Map<String, JsonNode> channelsByAddress = new HashMap<>();
        asyncApi.path("channels").forEach(channel -> channelsByAddress.put(channel.path("address").asText(), channel));
        assertThat(channelsByAddress.keySet()).containsExactlyInAnyOrderElementsOf(EventType.topics());
        assertThat(asyncApi.path("channels").size()).isEqualTo(EventType.values().length);
    }

    @Test
    void everyChannelCarriesTheMessageOfItsTypeWithTheEnvelopeOfTheSchema() {
        for (EventType type : EventType.values()) {
            JsonNode channel = channel(type);
            assertThat(channel.path("messages").size()).as(type.topic() + " has one message").isEqualTo(1);
            JsonNode message = resolve(channel.path("messages").elements().next());
            assertThat(message.path("name").asText()).as("message of " + type.topic()).isEqualTo(type.topic());
            assertThat(message.path("contentType").asText()).isEqualTo("application/json");
            assertThat(message.path("headers").toString()).as("CloudEvents headers of " + type.topic())
                    .contains("#/components/schemas/CloudEventsHeaders").contains("\"const\":\"" + type.topic() + "\"");
            assertThat(resolve(message.path("bindings")).path("kafka").has("key")).as("key of " + type.topic()).isTrue();

            String payload = message.path("payload").path("$ref").asText();
            assertThat(payload).as("payload of " + type.topic() + " refers to the JSON Schema")
                    .startsWith("events.schema.json#/");
            JsonNode envelope = schema.at(payload.substring(payload.indexOf('#') + 1));
            assertThat(envelope.path("properties").path("type").path("const").asText())
                    .as(payload + " is the envelope of " + type.topic()).isEqualTo(type.topic());
            assertThat(envelope.path("properties").path("version").path("const").asInt()).isEqualTo(type.version());
        }
    }

    @Test
    void everyChannelHasOneSendOperationByItsProducerAndNothingElse() {
        Map<String, List<JsonNode>> operationsByTopic = new HashMap<>();
        asyncApi.path("operations").forEach(operation -> operationsByTopic
                .computeIfAbsent(resolve(operation.path("channel")).path("address").asText(), t -> new ArrayList<>())
                .add(operation));
        assertThat(operationsByTopic.keySet()).containsExactlyInAnyOrderElementsOf(EventType.topics());
        for (EventType type : EventType.values()) {
            List<JsonNode> operations = operationsByTopic.get(type.topic());
            assertThat(operations).as(type.topic()).hasSize(1);
            assertThat(operations.get(0).path("action").asText()).isEqualTo("send");
            assertThat(operations.get(0).path("x-producer").asText()).as("producer of " + type.topic())
                    .isEqualTo(type.producer());
        }
        Set<String> referenced = new TreeSet<>();
        asyncApi.path("channels").forEach(c -> c.path("messages").forEach(m -> referenced.add(m.path("$ref").asText())));
        Set<String> declared = new TreeSet<>();
        asyncApi.path("components").path("messages").fieldNames()
                .forEachRemaining(name -> declared.add("#/components/messages/" + name));
        assertThat(declared).as("no message without a channel").isEqualTo(referenced);
    }

    @Test
    void theTopicTableAndTheTopicDefinitionsCoverEveryEventTypeWithTheSameSettings() throws IOException {
        String table = java.nio.file.Files.readString(DOCS.resolve("topics.md"));
        Map<String, JsonNode> definitions = new HashMap<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(TOPIC_DEFINITIONS.toFile())) {
            docs.forEachRemaining(doc -> definitions.put(doc.path("spec").path("topicName").asText(), doc));
        }
        for (EventType type : EventType.values()) {
            assertThat(table).as("docs/topics.md lists " + type.topic()).contains("| `" + type.topic() + "` |");
            JsonNode definition = definitions.get(type.topic());
            assertThat(definition).as("deploy/kafka/topics.yml defines " + type.topic()).isNotNull();
            JsonNode binding = channel(type).path("bindings").path("kafka");
            assertThat(definition.path("spec").path("partitions").asInt()).as("partitions of " + type.topic())
                    .isEqualTo(binding.path("partitions").asInt());
            assertThat(definition.path("spec").path("config").path("retention.ms").asLong())
                    .as("retention of " + type.topic())
                    .isEqualTo(binding.path("topicConfiguration").path("retention.ms").asLong());
            List<String> policies = new ArrayList<>();
            binding.path("topicConfiguration").path("cleanup.policy").forEach(p -> policies.add(p.asText()));
            assertThat(Arrays.asList(definition.path("spec").path("config").path("cleanup.policy").asText().split(",")))
                    .as("cleanup policy of " + type.topic()).isEqualTo(policies);
        }
        Set<String> dlqs = definitions.keySet().stream().filter(t -> t.startsWith("dlq.")).collect(Collectors.toSet());
        assertThat(dlqs).as("a dead-letter topic per consuming service").contains("dlq.routing-service",
                "dlq.session-service", "dlq.transcript-service", "dlq.history-service", "dlq.workflow-service",
                "dlq.telephony-adapter");
    }

    private static JsonNode channel(EventType type) {
        for (JsonNode channel : asyncApi.path("channels")) {
            if (channel.path("address").asText().equals(type.topic())) {
                return channel;
            }
        }
        throw new AssertionError("no channel for " + type.topic());
    }

    /** Follows a local {@code $ref} ("#/components/..."), or returns the node itself. */
    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? asyncApi.at(ref.substring(1)) : node;
    }
}
