package io.switchboard.session;

import static io.switchboard.session.support.Chats.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.EventSchema;
import io.switchboard.session.support.Broker;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.PublishedEvents;
import io.switchboard.session.support.Routing;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mark Done when a workflow strategy applies: PARK in an offered queue or STOP; never a guess. */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class WorkflowChoiceTest {

    KafkaCompanion companion = Broker.companion();

    String alice = Tokens.agent("agent1", "Alice Martin");

    @BeforeEach
    void ready() {
        WorkflowStub.reset();
        Chats.awaitReady();
    }

    @AfterEach
    void restore() {
        WorkflowStub.reset();
    }

    private String finishedChat(String name) {
        var chat = Chats.request(name, name.replace(' ', '.') + "@example.com", List.of());
        new Routing(companion).assign(chat.chatId(), "agent1", "Alice Martin");
        Chats.awaitState(alice, chat.chatId(), "ACTIVE");
        as(alice).post("/api/chats/{id}/finish", chat.chatId()).then().statusCode(204);
        as(alice).body(Map.of("notes", "n", "sendTranscript", false, "dispositionCode", "FOLLOW_UP"))
                .put("/api/chats/{id}/wrap-up", chat.chatId()).then().statusCode(200);
        return chat.chatId();
    }

    @Test
    void whenAStrategyAppliesMarkDoneNeedsParkInAnOfferedQueueOrStop() {
        WorkflowStub.offers("callbacks", "escalations");
        String chatId = finishedChat("Park Contact");
        as(alice).get("/api/chats/{id}/workflow-options", chatId).then().statusCode(200)
                .body("applies", equalTo(true)).body("queues.name", equalTo(List.of("callbacks", "escalations")));
        assertThat(WorkflowStub.lastQuery()).contains("queue=general").contains("disposition=FOLLOW_UP");

        as(alice).post("/api/chats/{id}/done", chatId).then().statusCode(409)
                .body("type", equalTo("https://switchboard.dev/problems/workflow-decision-required"));
        as(alice).body(Map.of("workflowDecision", "PARK", "workflowQueue", "elsewhere"))
                .post("/api/chats/{id}/done", chatId).then().statusCode(400);
        // Cancel: the agent goes back and changes the wrap-up before deciding.
        as(alice).body(Map.of("notes", "call back Tuesday", "sendTranscript", true, "dispositionCode", "FOLLOW_UP"))
                .put("/api/chats/{id}/wrap-up", chatId).then().statusCode(200);

        try (PublishedEvents events = new PublishedEvents(companion)) {
            as(alice).body(Map.of("workflowDecision", "PARK", "workflowQueue", "callbacks"))
                    .post("/api/chats/{id}/done", chatId).then().statusCode(200)
                    .body("workflowDecision", equalTo("PARK")).body("workflowQueue", equalTo("callbacks"));
            String completed = events.await(chatId, "chat.completed", 1).get(0);
            assertThat(EventSchema.violations(completed)).isEmpty();
            assertThat(PublishedEvents.data(completed).path("workflowQueue").asText()).isEqualTo("callbacks");
            assertThat(PublishedEvents.data(completed).path("notes").asText()).isEqualTo("call back Tuesday");
        }

        String stopped = finishedChat("Stop Contact");
        as(alice).body(Map.of("workflowDecision", "STOP")).post("/api/chats/{id}/done", stopped).then()
                .statusCode(200).body("workflowDecision", equalTo("STOP"));
    }

    @Test
    void whenWorkflowServiceCannotAnswerMarkDoneIsRefusedNotGuessed() {
        String chatId = finishedChat("Down Contact");
        WorkflowStub.down(true);
        as(alice).get("/api/chats/{id}/workflow-options", chatId).then().statusCode(503)
                .body("type", equalTo("https://switchboard.dev/problems/workflow-unavailable"));
        as(alice).body(Map.of("workflowDecision", "STOP")).post("/api/chats/{id}/done", chatId).then()
                .statusCode(503);
        as(alice).get("/api/chats/{id}/wrap-up", chatId).then().statusCode(200).body("state", equalTo("ENDED"));

        WorkflowStub.down(false);
        as(alice).post("/api/chats/{id}/done", chatId).then().statusCode(200).body("state", equalTo("DONE"));
    }

    @Test
    void dispositionCodesAreListed() {
        as(alice).get("/api/disposition-codes").then().statusCode(200)
                .body("required", equalTo(true)).body("codes.code", org.hamcrest.Matchers.hasItem("RESOLVED"));
    }
}
