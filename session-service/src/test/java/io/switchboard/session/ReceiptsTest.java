package io.switchboard.session;

import static io.switchboard.session.support.Chats.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.EventSchema;
import io.switchboard.events.Events;
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
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery and read receipts (docs/api.md, receipts): a participant's client says how far it received and showed the
 * chat; the others' sockets get it as ticks, analysts as {@code chat.receipt.updated}, a reconnecting client at once.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class ReceiptsTest {

    static final String ALICE = "agent1";
    static final String ALICE_NAME = "Alice Martin";
    static final String RECEIPT_EVENT = "chat.receipt.updated";

    KafkaCompanion companion = Broker.companion();

    @TestHTTPResource("/")
    URI base;

    Routing routing;
    String alice = Tokens.agent(ALICE, ALICE_NAME);
    String bob = Tokens.agent("agent2", "Bob Stone");
    String sam = Tokens.supervisor("sup1", "Sam Super");

    @BeforeEach
    void ready() {
        routing = new Routing(companion);
        WorkflowStub.reset();
        Chats.awaitReady();
    }

    @Test
    void theAgentSeesTheContactReceiveThenReadItsMessageAndAnalystsGetTheEvents() {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var chat = Chats.request("Dana Scully", "dana@example.com", List.of());
            String contactId = "contact:" + chat.chatId();
            try (Socket contact = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken());
                 Socket desk = Socket.open(base, "/ws/agent", alice)) {
                contact.send(Map.of("type", "resume", "afterSeq", 0));
                contact.awaitItem(1);
                routing.assign(chat.chatId(), ALICE, ALICE_NAME);
                Chats.awaitState(alice, chat.chatId(), "ACTIVE");
                desk.send(Map.of("type", "resume", "chatId", chat.chatId(), "afterSeq", 0));
                desk.awaitItem(2);

                desk.send(Map.of("type", "message", "chatId", chat.chatId(), "clientMessageId", "a-1",
                        "text", "Hello Dana"));
                assertThat(desk.awaitType("ack").path("seq").asLong()).isEqualTo(3);
                contact.awaitItem(3);

                contact.send(Map.of("type", "received", "seq", 3));
                JsonNode delivered = desk.await(receipt(contactId, 3, 0));
                assertThat(delivered.path("chatId").asText()).isEqualTo(chat.chatId());
                assertThat(delivered.path("role").asText()).isEqualTo("CONTACT");
                assertThat(delivered.path("name").asText()).isEqualTo("Dana Scully");

                contact.send(Map.of("type", "read", "seq", 3));
                desk.await(receipt(contactId, 3, 3));
                // The contact's own socket hears it too (its other tabs show the same).
                contact.await(receipt(contactId, 3, 3));

                List<String> published = events.await(chat.chatId(), RECEIPT_EVENT, 2);
                published.forEach(v -> assertThat(EventSchema.violations(v)).isEmpty());
                JsonNode read = PublishedEvents.data(published.get(1));
                assertThat(read.path("participantId").asText()).isEqualTo(contactId);
                assertThat(read.path("role").asText()).isEqualTo("CONTACT");
                assertThat(read.path("deliveredSeq").asLong()).isEqualTo(3);
                assertThat(read.path("readSeq").asLong()).isEqualTo(3);
                assertThat(PublishedEvents.data(published.get(0)).path("readSeq").asLong()).isZero();

                // Going back changes nothing and publishes nothing; the bad frame after it shows the socket handled
                // them (a contact's frames run one after the other).
                contact.send(Map.of("type", "read", "seq", 1));
                contact.send(Map.of("type", "received", "seq", 2));
                contact.send(Map.of("type", "read", "seq", 99));
                contact.await(error("bad-frame"));
                as(chat.contactToken()).body(Map.of("readSeq", 2, "deliveredSeq", 0))
                        .post("/api/chats/{id}/receipts", chat.chatId()).then().statusCode(200)
                        .body("deliveredSeq", equalTo(3)).body("readSeq", equalTo(3));
                // The agent reading the same chat is published after them, so nothing of the contact's came between.
                desk.send(Map.of("type", "read", "chatId", chat.chatId(), "seq", 3));
                contact.await(receipt(ALICE, 3, 3));
                assertThat(events.await(chat.chatId(), RECEIPT_EVENT, 3).stream().map(PublishedEvents::data)
                        .filter(e -> contactId.equals(e.path("participantId").asText()))).hasSize(2);
                assertThat(desk.frames().stream().filter(receipt(contactId, 3, 3))).hasSize(1);

                assertThat(participant(alice, chat.chatId(), contactId).path("readSeq").asLong()).isEqualTo(3);
            }
        }
    }

    @Test
    void withThreePartiesEachHasItsOwnReceiptsAndAReconnectGetsThemExactly() {
        var chat = Chats.request("Fox Mulder", "fox@example.com", List.of());
        String contactId = "contact:" + chat.chatId();
        String chatId = chat.chatId();
        try (Socket contact = Socket.open(base, "/ws/contact/" + chatId, chat.contactToken());
             Socket desk = Socket.open(base, "/ws/agent", alice);
             Socket samDesk = Socket.open(base, "/ws/supervisor", sam)) {
            contact.send(Map.of("type", "resume", "afterSeq", 0));
            routing.assign(chatId, ALICE, ALICE_NAME);
            Chats.awaitState(alice, chatId, "ACTIVE");
            as(sam).post("/api/supervision/chats/{id}/barge-in", chatId).then().statusCode(204);
            desk.send(Map.of("type", "resume", "chatId", chatId, "afterSeq", 0));
            samDesk.send(Map.of("type", "resume", "chatId", chatId, "afterSeq", 0));
            desk.awaitItem(3);
            samDesk.awaitItem(3);

            Chats.say(alice, chatId, "Let me check with my supervisor").statusCode(201);
            contact.awaitItem(4);
            samDesk.awaitItem(4);
            contact.send(Map.of("type", "read", "seq", 4));
            samDesk.send(Map.of("type", "received", "chatId", chatId, "seq", 4));

            // Each participant separately, to every other: the agent sees both; the contact sees the supervisor's.
            desk.await(receipt(contactId, 4, 4));
            desk.await(receipt("sup1", 4, 0));
            contact.await(receipt("sup1", 4, 0));
            samDesk.await(receipt(contactId, 4, 4));

            // A reconnecting desk gets every participant's receipts with its resume, without waiting for a change.
            desk.close();
            try (Socket again = Socket.open(base, "/ws/agent", alice)) {
                again.send(Map.of("type", "resume", "chatId", chatId, "afterSeq", 4));
                JsonNode all = again.awaitType("receipts");
                assertThat(all.path("chatId").asText()).isEqualTo(chatId);
                assertThat(StreamSupport.stream(all.path("receipts").spliterator(), false)
                        .map(r -> r.path("participantId").asText() + " " + r.path("deliveredSeq").asLong() + "/"
                                + r.path("readSeq").asLong()))
                        .containsExactlyInAnyOrder(contactId + " 4/4", ALICE + " 0/0", "sup1 4/0");
            }
            assertThat(participant(alice, chatId, "sup1").path("deliveredSeq").asLong()).isEqualTo(4);
            assertThat(participant(chat.contactToken(), chatId, contactId).path("readSeq").asLong()).isEqualTo(4);
        }
    }

    @Test
    void receiptsOutOfRangeOrFromOutsidersAreRefusedAndChangeNothing() {
        var chat = Chats.request("Walter Skinner", "walter@example.com", List.of());
        String chatId = chat.chatId();
        routing.assign(chatId, ALICE, ALICE_NAME);
        Chats.awaitState(alice, chatId, "ACTIVE");
        try (Socket contact = Socket.open(base, "/ws/contact/" + chatId, chat.contactToken());
             Socket bobDesk = Socket.open(base, "/ws/agent", bob)) {
            contact.send(Map.of("type", "read", "seq", 3));
            assertThat(contact.await(error("bad-frame")).path("message").asText()).contains("past the chat's last");
            contact.send(Map.of("type", "received", "seq", -1));
            contact.send(Map.of("type", "read"));
            await().atMost(Socket.WAIT)
                    .until(() -> contact.frames().stream().filter(error("bad-frame")).count() == 3);

            bobDesk.send(Map.of("type", "read", "chatId", chatId, "seq", 1));
            bobDesk.await(error("not-a-participant"));
        }
        as(chat.contactToken()).body(Map.of("readSeq", 5)).post("/api/chats/{id}/receipts", chatId).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.dev/problems/validation"))
                .body("violations[0].field", equalTo("readSeq"));
        as(chat.contactToken()).body(Map.of()).post("/api/chats/{id}/receipts", chatId).then().statusCode(400)
                .contentType("application/problem+json");
        as(bob).body(Map.of("readSeq", 1)).post("/api/chats/{id}/receipts", chatId).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.dev/problems/not-a-participant"));
        as(alice).body(Map.of("readSeq", 1)).post("/api/chats/{id}/receipts", "no-such-chat").then()
                .statusCode(404).contentType("application/problem+json");
        // Nothing of it was stored; a good receipt goes through.
        assertThat(participant(alice, chatId, "contact:" + chatId).path("deliveredSeq").asLong()).isZero();
        as(chat.contactToken()).body(Map.of("deliveredSeq", 2)).post("/api/chats/{id}/receipts", chatId).then()
                .statusCode(200).body("deliveredSeq", equalTo(2)).body("readSeq", equalTo(0));
    }

    /** A participant's entry of {@code GET /api/chats/{chatId}}. */
    private static JsonNode participant(String token, String chatId, String participantId) {
        JsonNode chat = read(as(token).get("/api/chats/{id}", chatId).then().statusCode(200).extract().asString());
        return StreamSupport.stream(chat.path("participants").spliterator(), false)
                .filter(p -> participantId.equals(p.path("id").asText())).findFirst().orElseThrow();
    }

    private static Predicate<JsonNode> receipt(String participantId, long delivered, long read) {
        return f -> "receipt".equals(f.path("type").asText()) && participantId.equals(f.path("participantId").asText())
                && f.path("deliveredSeq").asLong() == delivered && f.path("readSeq").asLong() == read;
    }

    private static Predicate<JsonNode> error(String code) {
        return f -> "error".equals(f.path("type").asText()) && code.equals(f.path("code").asText());
    }

    private static JsonNode read(String json) {
        try {
            return Events.json().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
