package io.switchboard.session;

import static io.restassured.RestAssured.given;
import static io.switchboard.session.support.Chats.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.session.support.Broker;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.ContactTokens;
import io.switchboard.session.support.Routing;
import io.switchboard.session.support.Socket;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Limits and bad input: a clear error, and the chat goes on unharmed. */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class BadInputTest {

    static final int LIMIT = 4096;

    KafkaCompanion companion = Broker.companion();

    @TestHTTPResource("/")
    URI base;

    String alice = Tokens.agent("agent1", "Alice Martin");
    String bruno = Tokens.agent("agent2", "Bruno Costa");
    Chats.NewChat chat;

    @BeforeEach
    void activeChat() {
        WorkflowStub.reset();
        Chats.awaitReady();
        chat = Chats.request("Bad Input", "bad.input@example.com", List.of());
        new Routing(companion).assign(chat.chatId(), "agent1", "Alice Martin");
        Chats.awaitState(alice, chat.chatId(), "ACTIVE");
    }

    private long lastSeq() {
        return as(alice).get("/api/chats/{id}", chat.chatId()).then().extract().jsonPath().getLong("lastSeq");
    }

    @Test
    void oversizedAndEmptyMessagesAreRefusedAndNothingIsStored() {
        long before = lastSeq();
        Chats.say(chat.contactToken(), chat.chatId(), "é".repeat(LIMIT / 2 + 1)).statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.dev/problems/too-large"));
        Chats.say(chat.contactToken(), chat.chatId(), "   ").statusCode(400)
                .body("detail", equalTo("The message is empty."));
        Chats.send(chat.contactToken(), chat.chatId(), Map.of("text", "no client id")).statusCode(400)
                .body("type", equalTo("https://switchboard.dev/problems/validation"));
        assertThat(lastSeq()).isEqualTo(before);
        // Exactly at the limit is fine, and stored as sent.
        String atLimit = "x".repeat(LIMIT);
        Chats.say(chat.contactToken(), chat.chatId(), atLimit).statusCode(201).body("text", equalTo(atLimit));
    }

    @Test
    void badRequestsForAChatAreProblems() {
        given().contentType(ContentType.JSON).body(Map.of("name", "", "email", "not-an-address"))
                .post("/api/chats").then().statusCode(400)
                .body("type", equalTo("https://switchboard.dev/problems/validation"))
                .body("violations.field", org.hamcrest.Matchers.hasItems("name", "email"));
        given().contentType(ContentType.JSON).body(Map.of("name", "A", "email", "a@example.com",
                        "phoneNumbers", List.of("call me maybe")))
                .post("/api/chats").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{not json").post("/api/chats").then().statusCode(400);
    }

    @Test
    void whoIsNotPartOfTheChatIsRefused() {
        var other = Chats.request("Other Contact", "other@example.com", List.of());
        // Another contact's token, an agent not in the chat, and no token at all.
        as(other.contactToken()).get("/api/chats/{id}", chat.chatId()).then().statusCode(403)
                .body("type", equalTo("https://switchboard.dev/problems/forbidden"));
        as(other.contactToken()).get("/api/chats/{id}/timeline", chat.chatId()).then().statusCode(403);
        Chats.say(other.contactToken(), chat.chatId(), "let me in").statusCode(403);
        Chats.say(bruno, chat.chatId(), "hijack").statusCode(403);
        as(bruno).post("/api/chats/{id}/finish", chat.chatId()).then().statusCode(403);
        given().get("/api/chats/{id}", chat.chatId()).then().statusCode(401);
        // A contact cannot use the agent's calls on its own chat.
        as(chat.contactToken()).post("/api/chats/{id}/finish", chat.chatId()).then().statusCode(403);
        as(alice).get("/api/chats/{id}", "no-such-chat").then().statusCode(404);

        try (Socket wrongChat = Socket.open(base, "/ws/contact/" + chat.chatId(), other.contactToken())) {
            assertThat(wrongChat.awaitCloseCode()).isEqualTo(4403);
        }
        try (Socket noToken = Socket.open(base, "/ws/contact/" + chat.chatId(), null)) {
            assertThat(noToken.awaitCloseCode()).isEqualTo(4401);
        }
        try (Socket badToken = Socket.open(base, "/ws/agent", "not.a.jwt")) {
            assertThat(badToken.awaitCloseCode()).isEqualTo(4401);
        }
        try (Socket contactOnAgentSocket = Socket.open(base, "/ws/agent", chat.contactToken())) {
            assertThat(contactOnAgentSocket.awaitCloseCode()).isEqualTo(4403);
        }
        String forMissingChat = ContactTokens.contactOf("missing-chat");
        try (Socket unknown = Socket.open(base, "/ws/contact/missing-chat", forMissingChat)) {
            assertThat(unknown.awaitCloseCode()).isEqualTo(4404);
        }
        // Contact tokens are this service's own: one signed with the identity provider's key is no token at all.
        try (Socket forged = Socket.open(base, "/ws/contact/" + chat.chatId(), ContactTokens.forgedContact(chat.chatId()))) {
            assertThat(forged.awaitCloseCode()).isEqualTo(4401);
        }
        try (Socket brunoDesk = Socket.open(base, "/ws/agent", bruno)) {
            brunoDesk.send(Map.of("type", "message", "chatId", chat.chatId(), "clientMessageId", "b-1",
                    "text", "hijack"));
            assertThat(brunoDesk.awaitType("error").path("code").asText()).isEqualTo("forbidden");
            assertThat(brunoDesk.isOpen()).isTrue();
        }
    }

    @Test
    void malformedAndOversizedFramesGetAnErrorAndTheSocketGoesOn() {
        try (Socket contact = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken())) {
            contact.sendRaw("{this is not json");
            assertThat(contact.awaitType("error").path("code").asText()).isEqualTo("bad-frame");
            contact.send(Map.of("type", "dance"));
            contact.await(f -> "error".equals(f.path("type").asText())
                    && f.path("message").asText().startsWith("Unknown frame type"));
            contact.send(Map.of("type", "message", "clientMessageId", "big", "text", "y".repeat(LIMIT + 1)));
            assertThat(contact.await(f -> "big".equals(f.path("clientMessageId").asText())).path("code").asText())
                    .isEqualTo("too-large");
            contact.send(Map.of("type", "message", "clientMessageId", "ok-1", "text", "still here"));
            assertThat(contact.awaitType("ack").path("clientMessageId").asText()).isEqualTo("ok-1");
        }
        // Beyond the WebSocket frame cap, the socket is closed with 1009; a new one works.
        try (Socket contact = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken())) {
            contact.sendRaw("{\"type\":\"message\",\"text\":\"" + "z".repeat(70_000) + "\"}");
            assertThat(contact.awaitCloseCode()).isEqualTo(1009);
        }
        Chats.say(chat.contactToken(), chat.chatId(), "after the big frame").statusCode(201);
    }

    @Test
    void actionsOnAFinishedChatAreConflicts() {
        as(alice).post("/api/chats/{id}/finish", chat.chatId()).then().statusCode(204);
        long before = lastSeq();
        Chats.say(chat.contactToken(), chat.chatId(), "too late").statusCode(409)
                .body("type", equalTo("https://switchboard.dev/problems/chat-finished"));
        Chats.say(alice, chat.chatId(), "too late").statusCode(409);
        as(alice).post("/api/chats/{id}/finish", chat.chatId()).then().statusCode(409);
        as(alice).body(Map.of("targetType", "AGENT", "targetId", "agent2"))
                .post("/api/chats/{id}/transfer", chat.chatId()).then().statusCode(409)
                .body("type", startsWith("https://switchboard.dev/problems/chat-finished"));
        as(chat.contactToken()).post("/api/chats/{id}/leave", chat.chatId()).then().statusCode(409);
        try (Socket contact = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken())) {
            contact.send(Map.of("type", "message", "clientMessageId", "late", "text", "hello?"));
            assertThat(contact.awaitType("error").path("code").asText()).isEqualTo("chat-finished");
        }
        assertThat(lastSeq()).isEqualTo(before);
    }
}
