package io.switchboard.session;

import static io.restassured.RestAssured.given;
import static io.switchboard.session.support.Chats.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.EventSchema;
import io.switchboard.session.support.Broker;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.PublishedEvents;
import io.switchboard.session.support.Routing;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attached data over the real HTTP API, broker and database: request, integrations, the owning agent, Mark Done. */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class AttachedDataApiTest {

    KafkaCompanion companion = Broker.companion();
    Routing routing;
    String alice = Tokens.agent("agent1", "Alice Martin");
    String bruno = Tokens.agent("agent2", "Bruno Costa");
    String sam = Tokens.supervisor("supervisor1", "Sam Taylor");
    String crm = Tokens.signed(Tokens.AUDIENCE, "crm", "CRM", "integration");

    @BeforeEach
    void ready() {
        routing = new Routing(companion);
        WorkflowStub.reset();
        Chats.awaitReady();
    }

    private String requestWith(Map<String, Object> data) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "Dana Scott", "email", "dana@example.com", "queue", "general",
                        "subject", "Order", "language", "en", "data", data))
                .post("/api/chats").then().statusCode(201).extract().path("chatId");
    }

    @Test
    void dataGivenWithTheRequestIsShownToTheAgentAndChangedUntilMarkDone() {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var created = given().contentType(ContentType.JSON)
                    .body(Map.of("name", "Dana Scott", "email", "dana@example.com", "queue", "general",
                            "subject", "Order", "language", "en",
                            "data", Map.of("orderNumber", "A-1001", "tier", "gold", "basket", 129.5)))
                    .post("/api/chats").then().statusCode(201).extract().jsonPath();
            String chatId = created.getString("chatId");
            JsonNode requested = events.awaitData(chatId, "chat.requested");
            assertThat(requested.path("data").path("tier").asText()).isEqualTo("gold");
            JsonNode first = events.awaitData(chatId, "chat.data.changed");
            assertThat(first.path("origin").asText()).isEqualTo("REQUEST");
            assertThat(first.path("changes")).hasSize(3);

            routing.assign(chatId, "agent1", "Alice Martin");
            Chats.awaitState(alice, chatId, "ACTIVE");
            as(alice).get("/api/chats/{id}", chatId).then().statusCode(200)
                    .body("data.orderNumber", equalTo("A-1001")).body("data.tier", equalTo("gold"))
                    .body("data.basket", equalTo(129.5f));
            // The data is the company's: the contact's view has none.
            Chats.as(created.getString("contactToken")).get("/api/chats/{id}", chatId).then().statusCode(200)
                    .body("data", nullValue());
            Chats.as(created.getString("contactToken")).get("/api/chats/{id}/data", chatId).then().statusCode(403);

            // An integration changes it over REST; an agent who is not in the chat cannot read or change it.
            as(crm).body(Map.of("orderNumber", "A-1002", "delivered", false))
                    .patch("/api/chats/{id}/data", chatId).then().statusCode(200)
                    .body("data.orderNumber", equalTo("A-1002")).body("data.delivered", equalTo(false));
            as(bruno).get("/api/chats/{id}/data", chatId).then().statusCode(403);
            as(bruno).body(Map.of("tier", "x")).patch("/api/chats/{id}/data", chatId).then().statusCode(403);

            // The owning agent changes it during the chat and in wrap-up, after Finish, until Mark Done.
            as(alice).post("/api/chats/{id}/finish", chatId).then().statusCode(204);
            Map<String, Object> change = new HashMap<>();
            change.put("basket", null);
            change.put("callback", true);
            as(alice).body(change).patch("/api/chats/{id}/data", chatId).then().statusCode(200)
                    .body("data.basket", nullValue()).body("data.callback", equalTo(true));
            as(alice).get("/api/chats/{id}/data", chatId).then().statusCode(200)
                    .body("data.orderNumber", equalTo("A-1002"));
            // A supervisor acts as an integration.
            as(sam).body(Map.of("tier", "platinum")).patch("/api/chats/{id}/data", chatId).then().statusCode(200);

            List<String> changes = events.await(chatId, "chat.data.changed", 4);
            changes.forEach(v -> assertThat(EventSchema.violations(v)).isEmpty());
            JsonNode byAgent = PublishedEvents.data(changes.get(2));
            assertThat(byAgent.path("origin").asText()).isEqualTo("AGENT");
            assertThat(byAgent.path("changedBy").asText()).isEqualTo("agent1");
            assertThat(byAgent.path("changes").toString()).contains("\"key\":\"basket\"", "\"previous\":129.5");
            assertThat(PublishedEvents.data(changes.get(1)).path("origin").asText()).isEqualTo("INTEGRATION");
            assertThat(PublishedEvents.data(changes.get(3)).path("data").path("tier").asText()).isEqualTo("platinum");

            as(alice).body(Map.of("notes", "", "sendTranscript", false, "dispositionCode", "RESOLVED"))
                    .put("/api/chats/{id}/wrap-up", chatId).then().statusCode(200);
            as(alice).post("/api/chats/{id}/done", chatId).then().statusCode(200);
            JsonNode completed = events.awaitData(chatId, "chat.completed");
            assertThat(completed.path("data").path("orderNumber").asText()).isEqualTo("A-1002");
            assertThat(completed.path("data").path("callback").asBoolean()).isTrue();
            assertThat(completed.path("data").has("basket")).isFalse();
            // After Mark Done nobody changes it.
            as(alice).body(Map.of("tier", "x")).patch("/api/chats/{id}/data", chatId).then().statusCode(409)
                    .body("type", equalTo("https://switchboard.dev/problems/chat-finished"));
            as(crm).body(Map.of("tier", "x")).patch("/api/chats/{id}/data", chatId).then().statusCode(409);
        }
    }

    @Test
    void badKeysValuesAndSizesAreRefusedNamingTheFieldAndNothingIsStored() {
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("9lives", "x"),
                Map.<String, Object>of("note", "x".repeat(1025)), Map.<String, Object>of("nested", Map.of("a", 1)),
                Map.<String, Object>of("list", List.of("a")))) {
            String field = "data." + bad.keySet().iterator().next();
            given().contentType(ContentType.JSON)
                    .body(Map.of("name", "Bad Data", "email", "bad@example.com", "data", bad))
                    .post("/api/chats").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo(field));
        }
        Map<String, Object> tooMany = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            tooMany.put("k" + i, i);
        }
        given().contentType(ContentType.JSON).body(Map.of("name", "Bad Data", "email", "bad@example.com",
                "data", tooMany)).post("/api/chats").then().statusCode(400).body("violations[0].field", equalTo("data"));

        String chatId = requestWith(Map.of("tier", "gold"));
        routing.assign(chatId, "agent1", "Alice Martin");
        Chats.awaitState(alice, chatId, "ACTIVE");
        as(alice).body(Map.of("key with space", 1)).patch("/api/chats/{id}/data", chatId).then().statusCode(400)
                .body("violations[0].field", equalTo("data.key with space"));
        as(alice).body(Map.of("k".repeat(65), 1)).patch("/api/chats/{id}/data", chatId).then().statusCode(400);
        as(alice).get("/api/chats/{id}/data", chatId).then().body("data", equalTo(Map.of("tier", "gold")));
    }

    @Test
    void standardResponsesFillInTheChatsAttachedData() {
        String id = as(sam).body(Map.of("category", "Orders", "title", "Order status " + UUID.randomUUID(),
                        "texts", Map.of("en", "Dear {contact.name}, order {data.orderNumber} ships today.")))
                .post("/api/standard-responses").then().statusCode(201).extract().path("id");
        String chatId = requestWith(Map.of("orderNumber", "A-2001"));
        routing.assign(chatId, "agent1", "Alice Martin");
        Chats.awaitState(alice, chatId, "ACTIVE");
        Chats.send(alice, chatId, Map.of("clientMessageId", "sr-data", "standardResponseId", id)).statusCode(201)
                .body("text", equalTo("Dear Dana Scott, order A-2001 ships today."));

        String without = requestWith(Map.of("tier", "gold"));
        routing.assign(without, "agent1", "Alice Martin");
        Chats.awaitState(alice, without, "ACTIVE");
        Chats.send(alice, without, Map.of("clientMessageId", "sr-none", "standardResponseId", id)).statusCode(409)
                .body("type", equalTo("https://switchboard.dev/problems/missing-data"));
    }
}
