package io.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.events.EventSchema;
import io.switchboard.stack.test.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Routing follows the agents' desktops, end to end (gateway, session-service and routing-service as processes on the
 * real broker and database): a chat is offered only to an agent whose desktop is connected; a desktop gone with an
 * offer open gives the offer back after the grace period and leaves the agent Not Ready "disconnected"; the waiting
 * chat goes to the agent whose desktop connects; a reload within the grace changes nothing.
 */
@ExtendWith(RunningSystem.class)
class DesktopPresenceSystemTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    /** routing-service's presence.grace (default) and a few timer rounds. */
    private static final Duration PAST_GRACE = Duration.ofSeconds(15 + 5);
    /** Far longer than the test: an offer that comes back is the withdrawal, not its timeout. */
    private static final int OFFER_TIMEOUT_SECONDS = 600;

    @Test
    void chatsGoOnlyToAgentsWhoseDesktopIsConnected(RunningSystem system) throws InterruptedException {
        JsonHttp http = new JsonHttp(system.gatewayUrl());
        String run = UUID.randomUUID().toString().substring(0, 8);
        String supervisor = Tokens.supervisor("supervisor1", "Sam Taylor");
        String skill = "presence-" + run;
        String queue = "presence-" + run;
        http.post("/api/routing/queues", supervisor, Map.of("name", queue, "requiredSkills", List.of(skill),
                "priority", 1, "maxWaitSeconds", OFFER_TIMEOUT_SECONDS * 2,
                "offerTimeoutSeconds", OFFER_TIMEOUT_SECONDS)).expect(201);
        String there = "there-" + run;
        String away = "away-" + run;
        for (String agent : List.of(there, away)) {
            http.post("/api/routing/agents", supervisor, Map.of("id", agent, "name", "Agent " + agent,
                    "skills", Map.of(skill, 3), "capacity", 3, "role", "agent")).expect(201);
        }
        String thereToken = Tokens.agent(there, "Tess There");
        String awayToken = Tokens.agent(away, "Alex Away");

        // Tess is READY first (idle longest) but has no desktop yet; Alex is READY at his desk.
        ready(http, thereToken);
        ready(http, awayToken);
        SocketClient awayDesk = SocketClient.connect(http.client(), system.gatewayUrl(), "/ws/agent", awayToken);
        awaitMe(http, awayToken, me -> me.path("desktopConnected").asBoolean());

        String first = requestChat(http, queue);
        JsonNode offer = awaitFrame(awayDesk, f -> isOffer(f, first));

        // Alex's desktop goes away with the offer open: after the grace the offer comes back and he is Not Ready.
        awayDesk.close();
        JsonNode alex = awaitMe(http, awayToken, me -> "NOT_READY".equals(me.path("state").asText()));
        assertThat(alex.path("reason").asText()).isEqualTo("disconnected");
        assertThat(alex.path("load").asInt()).isZero();
        http.post("/api/routing/offers/" + offer.get("offerId").asText() + "/accept", awayToken, null).expect(409);

        // Tess opens her desktop: the chat that waited is offered to her.
        SocketClient thereDesk = SocketClient.connect(http.client(), system.gatewayUrl(), "/ws/agent", thereToken);
        JsonNode second = awaitFrame(thereDesk, f -> isOffer(f, first));
        http.post("/api/routing/offers/" + second.get("offerId").asText() + "/accept", thereToken, null)
                .expectSuccess();

        // A reload within the grace: the desk closes and opens again at once; Tess stays READY and is offered more.
        thereDesk.close();
        thereDesk = SocketClient.connect(http.client(), system.gatewayUrl(), "/ws/agent", thereToken);
        Thread.sleep(PAST_GRACE.toMillis());
        assertThat(http.get("/api/routing/agents/me", thereToken).expect(200).json().path("state").asText())
                .isEqualTo("READY");
        String next = requestChat(http, queue);
        awaitFrame(thereDesk, f -> isOffer(f, next));

        // Alex comes back: connected again, but Not Ready "disconnected" until he chooses Ready.
        try (SocketClient back = SocketClient.connect(http.client(), system.gatewayUrl(), "/ws/agent", awayToken)) {
            alex = awaitMe(http, awayToken, me -> me.path("desktopConnected").asBoolean());
            assertThat(alex.path("state").asText()).isEqualTo("NOT_READY");
            assertThat(alex.path("reason").asText()).isEqualTo("disconnected");
        } finally {
            thereDesk.close();
        }
        assertPresenceEventsMatchTheContract(system, away);

        // The supervisor reads it in history: Alex chose Ready, routing set him Not Ready "disconnected".
        JsonNode log = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> http.get("/api/history/agents/" + away + "/states", supervisor).expect(200).json(),
                        page -> page.path("total").asInt() >= 2);
        assertThat(log.at("/items/0/state").asText()).isEqualTo("READY");
        assertThat(log.at("/items/0/cause").asText()).isEqualTo("AGENT");
        assertThat(log.at("/items/1/state").asText()).isEqualTo("NOT_READY");
        assertThat(log.at("/items/1/reason").asText()).isEqualTo("disconnected");
        assertThat(log.at("/items/1/cause").asText()).isEqualTo("ROUTING");
        // Alex may read his own log, not Tess's.
        http.get("/api/history/agents/" + away + "/states", awayToken).expect(200);
        http.get("/api/history/agents/" + there + "/states", awayToken).expect(403);
    }

    private static void ready(JsonHttp http, String token) {
        http.put("/api/routing/agents/me/state", token, Map.of("state", "READY")).expectSuccess();
    }

    private static String requestChat(JsonHttp http, String queue) {
        return http.post("/api/chats", null, Map.of("name", "Pia Contact",
                "email", "pia." + UUID.randomUUID() + "@example.com", "phoneNumbers", List.of(), "queue", queue,
                "subject", "Presence", "language", "en")).expect(201).json().get("chatId").asText();
    }

    private static boolean isOffer(JsonNode frame, String chatId) {
        return "offer".equals(frame.path("type").asText()) && chatId.equals(frame.path("chatId").asText());
    }

    private static JsonNode awaitFrame(SocketClient socket, Predicate<JsonNode> match) {
        return await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(100))
                .until(() -> socket.find(match), java.util.Objects::nonNull);
    }

    private static JsonNode awaitMe(JsonHttp http, String token, Predicate<JsonNode> match) {
        return await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250))
                .until(() -> http.get("/api/routing/agents/me", token).expect(200).json(), match::test);
    }

    /** Alex's presence changes: keyed by his id, CloudEvents headers, the schema; connected, gone, back. */
    private static void assertPresenceEventsMatchTheContract(RunningSystem system, String agent) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(system.topic("agent.presence")));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(EVENTUALLY).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (agent.equals(r.key())) {
                        records.add(r);
                    }
                });
                return records.size() >= 3;
            });
            List<String> statuses = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                assertThat(EventSchema.violations(record.value())).as(record.value()).isEmpty();
                assertThat(header(record, "ce_type")).isEqualTo("agent.presence");
                JsonNode data = json(record.value()).path("data");
                statuses.add(data.path("status").asText() + " v" + data.path("version").asLong());
            }
            assertThat(statuses).startsWith("CONNECTED v1", "DISCONNECTED v2", "CONNECTED v3");
        }
    }

    private static JsonNode json(String value) {
        try {
            return io.switchboard.events.Events.json().readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
