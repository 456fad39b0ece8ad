package io.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.events.EventSchema;
import io.switchboard.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton of issue 2, end to end through the gateway with the five services running as separate
 * processes on the real broker and database: a contact asks for a chat, routing offers it to the one READY agent,
 * the agent accepts, both exchange a message over WebSocket, the agent finishes and marks the chat done, and the
 * contact history shows the interaction. Every hop between services goes through Kafka.
 */
@Order(1)
@ExtendWith(RunningSystem.class)
class WalkingSkeletonTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    @Test
    void aContactChatsWithTheReadyAgentAndTheInteractionLandsInTheHistory(RunningSystem system) {
        JsonHttp http = new JsonHttp(system.gatewayUrl());
        String agentToken = devToken(http, "agent1");
        String supervisorToken = devToken(http, "supervisor1");
        // "The one READY agent": everybody else on the roster steps away first.
        for (String other : List.of("agent2", "agent3", "supervisor1")) {
            http.put("/api/routing/agents/" + other + "/state", supervisorToken,
                    Map.of("state", "NOT_READY", "reason", "system test")).expectSuccess();
        }

        http.put("/api/routing/agents/me/state", agentToken, Map.of("state", "READY")).expectSuccess();
        try (SocketClient agent = SocketClient.connect(http.client(), system.gatewayUrl(), "/ws/agent", agentToken)) {

            JsonNode chat = http.post("/api/chats", null, Map.of("name", "Ann Contact",
                    "email", "ann." + UUID.randomUUID() + "@example.com", "phoneNumbers", List.of("+33 6 12 34 56 78"),
                    "queue", "sales", "subject", "My order", "language", "en")).expect(201).json();
            String chatId = chat.get("chatId").asText();
            String contactToken = chat.get("contactToken").asText();

            try (SocketClient contact = SocketClient.connect(http.client(), system.gatewayUrl(),
                    "/ws/contact/" + chatId, contactToken)) {
                contact.send(Map.of("type", "resume", "afterSeq", 0));

                JsonNode offer = awaitFrame(agent, f -> is(f, "offer") && chatId.equals(f.path("chatId").asText()));
                http.post("/api/routing/offers/" + offer.get("offerId").asText() + "/accept", agentToken, null)
                        .expectSuccess();

                JsonNode joined = awaitFrame(contact, f -> is(f, "item") && "NOTICE".equals(kind(f))
                        && "JOINED".equals(f.at("/item/notice").asText()) && "AGENT".equals(f.at("/item/role").asText()));
                assertThat(joined.at("/item/name").asText()).isEqualTo("Alice Martin");

                agent.send(Map.of("type", "resume", "chatId", chatId, "afterSeq", 0));
                agent.send(Map.of("type", "message", "chatId", chatId, "clientMessageId", "a-1",
                        "text", "Hello Ann, I am Alice. How can I help?"));
                JsonNode greeting = awaitFrame(contact, f -> is(f, "item") && "a-1".equals(f.at("/item/clientMessageId").asText()));
                assertThat(greeting.at("/item/authorName").asText()).isEqualTo("Alice Martin");
                assertThat(greeting.at("/item/text").asText()).isEqualTo("Hello Ann, I am Alice. How can I help?");

                contact.send(Map.of("type", "message", "clientMessageId", "c-1", "text", "Where is my parcel?"));
                JsonNode answer = awaitFrame(agent, f -> is(f, "item") && "c-1".equals(f.at("/item/clientMessageId").asText()));
                assertThat(answer.at("/item/authorName").asText()).isEqualTo("Ann Contact");
                assertThat(answer.at("/item/seq").asLong()).isGreaterThan(greeting.at("/item/seq").asLong());

                http.post("/api/chats/" + chatId + "/finish", agentToken, null).expectSuccess();
                awaitFrame(contact, f -> is(f, "item") && "ENDED".equals(f.at("/item/notice").asText()));

                String disposition = http.get("/api/disposition-codes", agentToken).expect(200).json()
                        .at("/codes/0/code").asText();
                http.put("/api/chats/" + chatId + "/wrap-up", agentToken, Map.of("notes", "Parcel traced",
                        "sendTranscript", false, "dispositionCode", disposition)).expectSuccess();
                JsonNode options = http.get("/api/chats/" + chatId + "/workflow-options", agentToken).expect(200).json();
                Map<String, Object> done = options.path("applies").asBoolean()
                        ? Map.of("workflowDecision", "STOP") : Map.of();
                http.post("/api/chats/" + chatId + "/done", agentToken, done).expectSuccess();

                JsonNode interaction = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                        .until(() -> http.get("/api/history/interactions/" + chatId, agentToken),
                                r -> r.status() == 200 && r.json().at("/wrapUp/dispositionCode").asText().equals(disposition))
                        .json();
                assertThat(texts(interaction)).contains("Hello Ann, I am Alice. How can I help?", "Where is my parcel?");
                assertThat(interaction.at("/contact/name").asText()).isEqualTo("Ann Contact");
                assertThat(interaction.path("participants").findValuesAsText("name")).contains("Alice Martin");
                assertThat(interaction.at("/wrapUp/notes").asText()).isEqualTo("Parcel traced");

                assertEventsOfTheChatMatchTheContract(system, chatId);
            }
        }
    }

    /** Every record of the chat, on every topic, is keyed by the chat id, carries CloudEvents headers and fits the schema. */
    private static void assertEventsOfTheChatMatchTheContract(RunningSystem system, String chatId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<String> topics = EventType.topics().stream().map(system::topic).toList();
            consumer.subscribe(topics);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Set<String> expected = Set.of("chat.requested", "chat.routed", "chat.message", "chat.participant",
                    "chat.ended", "chat.completed");
            await().atMost(EVENTUALLY).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (chatId.equals(r.key())) {
                        records.add(r);
                    }
                });
                return records.stream().map(r -> header(r, "ce_type")).collect(Collectors.toSet()).containsAll(expected);
            });
            for (ConsumerRecord<String, String> record : records) {
                assertThat(EventSchema.violations(record.value())).as(record.value()).isEmpty();
                assertThat(header(record, "ce_id")).isNotBlank();
                assertThat(system.topic(header(record, "ce_type"))).isEqualTo(record.topic());
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String devToken(JsonHttp http, String user) {
        return http.post("/auth/dev-token", null, Map.of("username", user)).expect(200).json().get("token").asText();
    }

    static JsonNode awaitFrame(SocketClient socket, java.util.function.Predicate<JsonNode> match) {
        return await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(100))
                .until(() -> socket.find(match), java.util.Objects::nonNull);
    }

    private static boolean is(JsonNode frame, String type) {
        return type.equals(frame.path("type").asText());
    }

    private static String kind(JsonNode frame) {
        return frame.at("/item/kind").asText();
    }

    private static List<String> texts(JsonNode interaction) {
        return StreamSupport.stream(interaction.path("messages").spliterator(), false)
                .map(m -> m.path("text").asText()).toList();
    }
}
