package io.switchboard.session;

import static io.switchboard.session.support.Chats.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.EventSchema;
import io.switchboard.events.OfferKind;
import io.switchboard.session.support.Broker;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.PublishedEvents;
import io.switchboard.session.support.Routing;
import io.switchboard.session.support.Socket;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The walking skeleton: request → queue → offer → accept → conversation → Finish → wrap-up → Mark Done. */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class ChatFlowTest {

    static final String ALICE = "agent1";
    static final String ALICE_NAME = "Alice Martin";

    KafkaCompanion companion = Broker.companion();

    @TestHTTPResource("/")
    URI base;

    Routing routing;
    String alice = Tokens.agent(ALICE, ALICE_NAME);

    @BeforeEach
    void ready() {
        routing = new Routing(companion);
        WorkflowStub.reset();
        Chats.awaitReady();
    }

    @Test
    void aChatFromRequestToMarkDone() {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var chat = Chats.request("Dana Scully", "dana@example.com", List.of("+1 202 555 0143"));
            JsonNode requested = events.awaitData(chat.chatId(), "chat.requested");
            assertThat(requested.path("contactName").asText()).isEqualTo("Dana Scully");
            assertThat(requested.path("phoneNumbers").get(0).asText()).isEqualTo("+12025550143");

            try (Socket contact = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken());
                 Socket desk = Socket.open(base, "/ws/agent", alice)) {
                contact.send(Map.of("type", "resume", "afterSeq", 0));
                assertThat(contact.awaitItem(1).path("notice").asText()).isEqualTo("JOINED");

                routing.queued(chat.chatId(), "general", 3, 90);
                JsonNode queue = contact.awaitType("queue");
                assertThat(queue.path("position").asInt()).isEqualTo(3);
                assertThat(queue.path("estimatedWaitSeconds").asInt()).isEqualTo(90);

                String offerId = routing.offered(chat.chatId(), ALICE, ALICE_NAME, OfferKind.CHAT, null, null);
                JsonNode offer = desk.awaitType("offer");
                assertThat(offer.path("offerId").asText()).isEqualTo(offerId);
                assertThat(offer.path("chatId").asText()).isEqualTo(chat.chatId());
                assertThat(offer.path("contactName").asText()).isEqualTo("Dana Scully");
                assertThat(offer.path("subject").asText()).isEqualTo("Billing question");

                routing.accepted(chat.chatId(), offerId, ALICE, ALICE_NAME, OfferKind.CHAT, null, null);
                JsonNode joined = contact.awaitItem(2);
                assertThat(joined.path("notice").asText()).isEqualTo("JOINED");
                assertThat(joined.path("text").asText()).isEqualTo("Alice Martin joined");
                assertThat(contact.awaitType("state").path("state").asText()).isEqualTo("ACTIVE");
                desk.awaitType("offer-closed");
                Chats.awaitState(alice, chat.chatId(), "ACTIVE");

                // The agent's desktop catches up with the chat so far, then gets it live.
                desk.send(Map.of("type", "resume", "chatId", chat.chatId(), "afterSeq", 0));
                desk.awaitItem(2);

                desk.send(Map.of("type", "message", "chatId", chat.chatId(), "clientMessageId", "a-1",
                        "text", "Hello Dana, how can I help?"));
                assertThat(desk.awaitType("ack").path("seq").asLong()).isEqualTo(3);
                JsonNode fromAgent = contact.awaitItem(3);
                assertThat(fromAgent.path("authorName").asText()).isEqualTo(ALICE_NAME);
                assertThat(fromAgent.path("authorRole").asText()).isEqualTo("AGENT");
                assertThat(fromAgent.path("text").asText()).isEqualTo("Hello Dana, how can I help?");

                contact.send(Map.of("type", "typing", "typing", true));
                JsonNode typing = desk.awaitType("typing");
                assertThat(typing.path("name").asText()).isEqualTo("Dana Scully");
                assertThat(typing.path("typing").asBoolean()).isTrue();

                contact.send(Map.of("type", "message", "clientMessageId", "c-1", "text", "My bill is <b>wrong</b>"));
                JsonNode fromContact = desk.awaitItem(4);
                assertThat(fromContact.path("authorName").asText()).isEqualTo("Dana Scully");
                assertThat(fromContact.path("text").asText()).isEqualTo("My bill is <b>wrong</b>");

                as(alice).post("/api/chats/{id}/finish", chat.chatId()).then().statusCode(204);
                JsonNode end = contact.awaitItem(5);
                assertThat(end.path("notice").asText()).isEqualTo("ENDED");
                assertThat(end.path("reason").asText()).isEqualTo("AGENT_FINISHED");
                assertThat(end.path("name").asText()).isEqualTo("Alice Martin");
                contact.await(f -> "state".equals(f.path("type").asText())
                        && "ENDED".equals(f.path("state").asText()));

                // No duplicates, no gaps on either socket.
                assertThat(contact.itemSeqs(chat.chatId())).containsExactly(1L, 2L, 3L, 4L, 5L);
                assertThat(desk.itemSeqs(chat.chatId())).containsExactly(1L, 2L, 3L, 4L, 5L);
            }

            JsonNode ended = events.awaitData(chat.chatId(), "chat.ended");
            assertThat(ended.path("reason").asText()).isEqualTo("AGENT_FINISHED");
            assertThat(ended.path("seq").asLong()).isEqualTo(5);

            // Wrap-up: Mark Done is refused without a disposition code, then accepted with one.
            as(alice).post("/api/chats/{id}/done", chat.chatId()).then().statusCode(409)
                    .body("type", equalTo("https://switchboard.dev/problems/disposition-required"));
            as(alice).body(Map.of("notes", "Refund promised", "sendTranscript", true, "dispositionCode", "NOPE"))
                    .put("/api/chats/{id}/wrap-up", chat.chatId()).then().statusCode(400);
            as(alice).body(Map.of("notes", "Refund promised", "sendTranscript", true, "dispositionCode", "RESOLVED"))
                    .put("/api/chats/{id}/wrap-up", chat.chatId()).then().statusCode(200)
                    .body("dispositionCode", equalTo("RESOLVED"));
            as(alice).body(Map.of("notes", "Refund of 12 EUR promised", "sendTranscript", true,
                            "dispositionCode", "RESOLVED"))
                    .put("/api/chats/{id}/wrap-up", chat.chatId()).then().statusCode(200);
            as(alice).get("/api/chats?mine=true").then().statusCode(200)
                    .body("chatId", org.hamcrest.Matchers.hasItem(chat.chatId()));
            as(alice).post("/api/chats/{id}/done", chat.chatId()).then().statusCode(200)
                    .body("state", equalTo("DONE")).body("workflowDecision", equalTo("NONE"));
            as(alice).post("/api/chats/{id}/done", chat.chatId()).then().statusCode(409)
                    .body("type", equalTo("https://switchboard.dev/problems/chat-finished"));
            as(alice).get("/api/chats?mine=true").then().statusCode(200)
                    .body("chatId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(chat.chatId())));

            JsonNode completed = events.awaitData(chat.chatId(), "chat.completed");
            assertThat(completed.path("notes").asText()).isEqualTo("Refund of 12 EUR promised");
            assertThat(completed.path("dispositionCode").asText()).isEqualTo("RESOLVED");
            assertThat(completed.path("sendTranscript").asBoolean()).isTrue();
            assertThat(completed.path("agentId").asText()).isEqualTo(ALICE);

            List<String> messages = events.await(chat.chatId(), "chat.message", 2);
            List<String> all = new java.util.ArrayList<>(messages);
            for (String type : List.of("chat.requested", "chat.participant", "chat.ended", "chat.completed")) {
                all.addAll(events.of(chat.chatId(), type));
            }
            all.forEach(value -> assertThat(EventSchema.violations(value)).as(value).isEmpty());
        }
    }

    @Test
    void resumeAfterReconnectGivesExactlyWhatWasMissedOverSocketAndRest() {
        var chat = Chats.request("Fox Mulder", "fox@example.com", List.of());
        routing.assign(chat.chatId(), ALICE, ALICE_NAME);
        Chats.awaitState(alice, chat.chatId(), "ACTIVE");
        for (int i = 1; i <= 4; i++) {
            Chats.say(alice, chat.chatId(), "line " + i).statusCode(201);
        }
        // seq 1 contact joined, 2 Alice joined, 3..6 the lines
        try (Socket first = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken())) {
            first.send(Map.of("type", "resume", "afterSeq", 0));
            first.awaitItem(6);
            assertThat(first.itemSeqs(chat.chatId())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        }
        // While the contact is away, more happens.
        for (int i = 5; i <= 7; i++) {
            Chats.say(alice, chat.chatId(), "line " + i).statusCode(201);
        }
        try (Socket again = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken())) {
            again.send(Map.of("type", "resume", "afterSeq", 6));
            again.awaitItem(9);
            Chats.say(alice, chat.chatId(), "line 8").statusCode(201);
            again.awaitItem(10);
            assertThat(again.itemSeqs(chat.chatId())).containsExactly(7L, 8L, 9L, 10L);
            assertThat(again.awaitItem(7).path("text").asText()).isEqualTo("line 5");
        }

        var page = as(chat.contactToken()).get("/api/chats/{id}/timeline?afterSeq=4&limit=3", chat.chatId())
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.seq", Long.class)).containsExactly(5L, 6L, 7L);
        assertThat(page.getLong("lastSeq")).isEqualTo(10);
        var rest = as(chat.contactToken()).get("/api/chats/{id}/timeline?afterSeq=7", chat.chatId())
                .then().statusCode(200).extract().jsonPath();
        assertThat(rest.getList("items.seq", Long.class)).containsExactlyElementsOf(
                LongStream.rangeClosed(8, 10).boxed().toList());
        assertThat(rest.getList("items.authorName", String.class)).containsOnly(ALICE_NAME);
    }

    @Test
    void resendingWithTheSameClientMessageIdStoresTheMessageOnce() {
        var chat = Chats.request("Walter Skinner", "walter@example.com", List.of());
        routing.assign(chat.chatId(), ALICE, ALICE_NAME);
        Chats.awaitState(alice, chat.chatId(), "ACTIVE");
        String clientMessageId = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("clientMessageId", clientMessageId, "text", "Are you there?");

        long seq = Chats.send(chat.contactToken(), chat.chatId(), body).statusCode(201)
                .extract().jsonPath().getLong("seq");
        long again = Chats.send(chat.contactToken(), chat.chatId(), body).statusCode(200)
                .extract().jsonPath().getLong("seq");
        assertThat(again).isEqualTo(seq);

        try (Socket contact = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken())) {
            contact.send(Map.of("type", "message", "clientMessageId", clientMessageId, "text", "Are you there?"));
            assertThat(contact.awaitType("ack").path("seq").asLong()).isEqualTo(seq);
        }
        var items = as(alice).get("/api/chats/{id}/timeline", chat.chatId()).then().statusCode(200)
                .extract().jsonPath().getList("items.clientMessageId", String.class);
        assertThat(items.stream().filter(clientMessageId::equals)).hasSize(1);
    }

    @Test
    void contactLeavingWhileWaitingAbandonsTheChat() {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var chat = Chats.request("Monica Reyes", "monica@example.com", List.of());
            try (Socket contact = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken())) {
                contact.send(Map.of("type", "resume", "afterSeq", 0));
                contact.awaitItem(1);
                contact.send(Map.of("type", "leave"));
                Chats.awaitState(chat.contactToken(), chat.chatId(), "ENDED");
            }
            assertThat(events.awaitData(chat.chatId(), "chat.ended").path("reason").asText()).isEqualTo("ABANDONED");
            // Anything afterwards is refused with chat-finished; the chat is unchanged.
            Chats.say(chat.contactToken(), chat.chatId(), "hello?").statusCode(409)
                    .body("type", equalTo("https://switchboard.dev/problems/chat-finished"));
        }
    }
}
