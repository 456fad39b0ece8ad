package io.switchboard.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.EventSchema;
import io.switchboard.session.support.Broker;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.PublishedEvents;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Leave us a message" over the real HTTP API, database and broker: a message is stored and published once as
 * contact.message.left with what the contact wrote; bad input is refused naming the field.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class OfflineMessageTest {

    private static final String PROBLEMS = "https://switchboard.dev/problems/";
    private static final String TYPE = "contact.message.left";

    KafkaCompanion companion = Broker.companion();

    @BeforeEach
    void ready() {
        Chats.awaitReady();
    }

    @Test
    void aMessageLeftIsPublishedWithWhatTheContactWrote() {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            String messageId = leave(message("sales", "  Please call me back about order A-1002.  ",
                    Map.of("orderNumber", "A-1002", "vip", true)))
                    .statusCode(201).body("leftAt", notNullValue()).extract().path("messageId");

            String value = events.await(messageId, TYPE, 1).get(0);
            assertThat(EventSchema.violations(value)).isEmpty();
            JsonNode data = PublishedEvents.data(value);
            assertThat(data.path("chatId").asText()).isEqualTo(messageId);
            assertThat(data.path("contactName").asText()).isEqualTo("Erin Moss");
            assertThat(data.path("email").asText()).isEqualTo("erin@example.com");
            assertThat(data.path("queue").asText()).isEqualTo("sales");
            assertThat(data.path("language").asText()).isEqualTo("fr");
            assertThat(data.path("text").asText()).isEqualTo("Please call me back about order A-1002.");
            assertThat(data.path("contactVerified").asBoolean()).isFalse();
            assertThat(data.path("contactId").asText()).isNotBlank();
            assertThat(data.path("data").path("orderNumber").asText()).isEqualTo("A-1002");
            assertThat(data.path("data").path("vip").asBoolean()).isTrue();
        }
    }

    @Test
    void badMessagesAreRefusedNamingTheField() {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            Map<String, Object> noName = message("sales", "Hello", null);
            noName.put("name", " ");
            refused(noName, "name");
            Map<String, Object> badEmail = message("sales", "Hello", null);
            badEmail.put("email", "not-an-address");
            refused(badEmail, "email");
            refused(message("sales", " ", null), "text");
            refused(message("sales", "x".repeat(4001), null), "text");
            refused(message("sales", "Hello", Map.of("9bad key", "x")), "data.9bad key");
            Map<String, Object> noQueue = message(null, "Hello", null);
            refused(noQueue, "queue");

            String later = leave(message("support", "Still there?", null)).statusCode(201)
                    .extract().path("messageId");
            events.await(later, TYPE, 1);
            Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                    events.of(later, TYPE).size() == 1);
        }
    }

    @Test
    void aMessageSentAgainWithItsClientIdIsFiledOnceAndTheIdIsNotReusedForAnother() throws Exception {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            Map<String, Object> body = message("sales", "Please call me back tomorrow.", null);
            body.put("clientMessageId", "form-" + UUID.randomUUID());
            String first = leave(body).statusCode(201).extract().path("messageId");
            // The answer was lost; the widget sends the same submission again.
            leave(body).statusCode(200).body("messageId", equalTo(first));

            Map<String, Object> other = message("sales", "Something else entirely.", null);
            other.put("clientMessageId", body.get("clientMessageId"));
            leave(other).statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "client-message-id-reused"));
            Map<String, Object> badId = message("sales", "Hello", null);
            badId.put("clientMessageId", "not an id");
            refused(badId, "clientMessageId");

            // Two submissions at the same instant (a double click): one message, both told its id.
            Map<String, Object> twice = message("support", "Double click.", null);
            twice.put("clientMessageId", "form-" + UUID.randomUUID());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> answers = pool.invokeAll(List.of(
                        () -> leave(twice).statusCode(anyOf(is(200), is(201))).extract().path("messageId"),
                        () -> leave(twice).statusCode(anyOf(is(200), is(201))).extract().path("messageId")));
                assertThat(answers.get(0).get()).isEqualTo(answers.get(1).get());
                String doubled = answers.get(0).get();
                events.await(doubled, TYPE, 1);
                events.await(first, TYPE, 1);
                Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                        events.of(first, TYPE).size() == 1 && events.of(doubled, TYPE).size() == 1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static Map<String, Object> message(String queue, String text, Map<String, Object> data) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Erin Moss");
        body.put("email", "erin@example.com");
        body.put("queue", queue);
        body.put("language", "fr");
        body.put("text", text);
        body.put("data", data);
        return body;
    }

    private static ValidatableResponse leave(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/offline-messages").then();
    }

    private static void refused(Map<String, Object> body, String field) {
        leave(body).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("violations[0].field", equalTo(field));
    }
}
