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
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.EventSchema;
import io.switchboard.events.OfferKind;
import io.switchboard.session.support.Broker;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.ContactTokens;
import io.switchboard.session.support.PublishedEvents;
import io.switchboard.session.support.Routing;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The post-chat satisfaction survey over the real HTTP API, broker and database. The test profile has the survey on
 * in the queue {@code sales} only ({@code switchboard.session.survey.queues}).
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class SurveyTest {

    private static final String SURVEY = "/api/chats/{id}/survey";
    private static final String PROBLEMS = "https://switchboard.dev/problems/";

    KafkaCompanion companion = Broker.companion();
    Routing routing;
    String alice = Tokens.agent("agent1", "Alice Martin");

    @BeforeEach
    void ready() {
        routing = new Routing(companion);
        WorkflowStub.reset();
        Chats.awaitReady();
    }

    private static JsonPath request(String queue) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "Erin Moss", "email", "erin@example.com", "queue", queue,
                        "subject", "Boots", "language", "en"))
                .post("/api/chats").then().statusCode(201).extract().jsonPath();
    }

    /** Routing offers the chat to agent1 from {@code queue}, who accepts it: the chat's queue becomes that one. */
    private void acceptedFrom(String queue, String chatId) {
        String offerId = routing.offered(chatId, "agent1", "Alice Martin", OfferKind.CHAT, null, null);
        routing.accepted(chatId, queue, offerId, "agent1", "Alice Martin", OfferKind.CHAT, null, null);
        Chats.awaitState(alice, chatId, "ACTIVE");
    }

    private static Map<String, Object> answer(Object score, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("score", score);
        body.put("comment", comment);
        return body;
    }

    @Test
    void theContactAnswersOnceAfterTheEndAndTheAnswerIsPublished() throws Exception {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            JsonPath created = request("general");
            String chatId = created.getString("chatId");
            String contact = created.getString("contactToken");
            acceptedFrom("sales", chatId);
            // A guest joins by conference: the event names everyone of the staff who took part.
            String invite = routing.offered(chatId, "agent2", "Bruno Costa", OfferKind.CONFERENCE, "r1", "agent1");
            routing.accepted(chatId, "sales", invite, "agent2", "Bruno Costa", OfferKind.CONFERENCE, "r1", "agent1");
            Chats.awaitPresent(alice, chatId, "agent2");

            as(contact).get(SURVEY, chatId).then().statusCode(200)
                    .body("offered", equalTo(true)).body("answered", equalTo(false))
                    .body("maxCommentLength", equalTo(1000));
            // Not while the chat goes on.
            as(contact).body(answer(5, null)).post(SURVEY, chatId).then().statusCode(409)
                    .body("type", equalTo(PROBLEMS + "chat-not-ended"));

            as(alice).post("/api/chats/{id}/finish", chatId).then().statusCode(204);

            // Only the chat's own contact answers: not its agents, not another chat's contact, not without a token.
            as(alice).body(answer(5, null)).post(SURVEY, chatId).then().statusCode(403);
            String other = request("sales").getString("contactToken");
            as(other).body(answer(5, null)).post(SURVEY, chatId).then().statusCode(403)
                    .body("type", equalTo(PROBLEMS + "forbidden"));
            as(other).get(SURVEY, chatId).then().statusCode(403);
            given().contentType(ContentType.JSON).body(answer(5, null)).post(SURVEY, chatId).then().statusCode(401);

            // Bad fields are refused naming the field, and nothing is stored.
            for (Object bad : new Object[] {0, 6, -1, null}) {
                as(contact).body(answer(bad, "x")).post(SURVEY, chatId).then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("type", equalTo(PROBLEMS + "validation"))
                        .body("violations[0].field", equalTo("score"));
            }
            as(contact).body(answer(3, "é".repeat(1001))).post(SURVEY, chatId).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("comment"));
            as(contact).get(SURVEY, chatId).then().statusCode(200).body("answered", equalTo(false));

            String answeredAt = as(contact).body(answer(4, "  Quick and friendly ")).post(SURVEY, chatId).then()
                    .statusCode(201).body("score", equalTo(4)).body("comment", equalTo("Quick and friendly"))
                    .extract().path("answeredAt");
            // A retry of the same answer is answered with the stored one; another answer is refused.
            as(contact).body(answer(4, "Quick and friendly")).post(SURVEY, chatId).then().statusCode(200)
                    .body("answeredAt", equalTo(answeredAt));
            as(contact).body(answer(2, "Changed my mind")).post(SURVEY, chatId).then().statusCode(409)
                    .body("type", equalTo(PROBLEMS + "survey-answered"));
            as(contact).get(SURVEY, chatId).then().statusCode(200).body("answered", equalTo(true))
                    .body("score", equalTo(4)).body("comment", equalTo("Quick and friendly"));

            String value = events.await(chatId, "chat.survey.answered", 1).get(0);
            assertThat(EventSchema.violations(value)).isEmpty();
            JsonNode data = PublishedEvents.data(value);
            assertThat(data.path("chatId").asText()).isEqualTo(chatId);
            assertThat(data.path("queue").asText()).isEqualTo("sales");
            assertThat(data.path("agents").toString()).isEqualTo("[\"agent1\",\"agent2\"]");
            assertThat(data.path("score").asInt()).isEqualTo(4);
            assertThat(data.path("comment").asText()).isEqualTo("Quick and friendly");
            // The retry and the refused answer published nothing (the relay leaves at once: give it time to).
            Thread.sleep(2000);
            assertThat(events.of(chatId, "chat.survey.answered")).hasSize(1);

            // After Mark Done too, the answer stays the one given.
            as(alice).body(Map.of("notes", "", "sendTranscript", false, "dispositionCode", "RESOLVED"))
                    .put("/api/chats/{id}/wrap-up", chatId).then().statusCode(200);
            as(alice).post("/api/chats/{id}/done", chatId).then().statusCode(200);
            as(contact).body(answer(1, null)).post(SURVEY, chatId).then().statusCode(409)
                    .body("type", equalTo(PROBLEMS + "survey-answered"));
        }
    }

    @Test
    void noSurveyWhereItIsOffOrWhenNoAgentTookTheChat() {
        // The queue that served the chat has no survey.
        JsonPath created = request("sales");
        String chatId = created.getString("chatId");
        String contact = created.getString("contactToken");
        acceptedFrom("general", chatId);
        as(alice).post("/api/chats/{id}/finish", chatId).then().statusCode(204);
        as(contact).get(SURVEY, chatId).then().statusCode(200).body("offered", equalTo(false))
                .body("score", nullValue());
        as(contact).body(answer(5, null)).post(SURVEY, chatId).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "survey-not-offered"));

        // A chat in a queue with the survey that the contact left while waiting: nobody to rate.
        JsonPath waiting = request("sales");
        String waitingId = waiting.getString("chatId");
        String waitingContact = waiting.getString("contactToken");
        as(waitingContact).post("/api/chats/{id}/leave", waitingId).then().statusCode(204);
        as(waitingContact).get(SURVEY, waitingId).then().statusCode(200).body("offered", equalTo(false));
        as(waitingContact).body(answer(5, null)).post(SURVEY, waitingId).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "survey-not-offered"));

        // An unknown chat (a contact token of it, as this service would mint one) is not found.
        as(ContactTokens.contactOf("no-such-chat")).body(answer(5, null))
                .post(SURVEY, "no-such-chat").then().statusCode(404);
    }
}
