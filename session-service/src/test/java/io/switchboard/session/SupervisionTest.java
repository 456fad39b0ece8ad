package io.switchboard.session;

import static io.switchboard.session.support.Chats.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.EventSchema;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Supervisors on live chats over the real HTTP API, sockets, broker and database: silent monitoring (the contact sees
 * nothing), whispers (the staff see them, the contact never) and barge-in (everyone sees it). Supervisors use the
 * supervisor view's socket, agents their desktop's.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class SupervisionTest {

    private static final String MONITORING = "/api/supervision/chats/{id}/monitoring";
    private static final String WHISPERS = "/api/chats/{id}/whispers";
    private static final String TIMELINE = "/api/chats/{id}/timeline";

    KafkaCompanion companion = Broker.companion();

    @TestHTTPResource("/")
    URI base;

    Routing routing;
    String alice = Tokens.agent("agent1", "Alice Martin");
    String bob = Tokens.agent("agent2", "Bob Stone");
    String sam = Tokens.supervisor("sup1", "Sam Super");
    String pat = Tokens.supervisor("sup2", "Pat Lead");

    @BeforeEach
    void ready() {
        routing = new Routing(companion);
        WorkflowStub.reset();
        Chats.awaitReady();
    }

    private Chats.NewChat activeChat() {
        var chat = Chats.request("Erin Moss", "erin@example.com", List.of());
        routing.assign(chat.chatId(), "agent1", "Alice Martin");
        Chats.awaitState(alice, chat.chatId(), "ACTIVE");
        return chat;
    }

    private static Map<String, Object> whisper(String text) {
        return Map.of("clientMessageId", "w-" + text.hashCode(), "text", text);
    }

    @Test
    void supervisorsMonitorAndWhisperUnseenByTheContact() {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var chat = activeChat();
            String chatId = chat.chatId();
            try (Socket contact = Socket.open(base, "/ws/contact/" + chatId, chat.contactToken());
                 Socket desk = Socket.open(base, "/ws/agent", alice);
                 Socket samDesk = Socket.open(base, "/ws/supervisor", sam);
                 Socket bobDesk = Socket.open(base, "/ws/agent", bob)) {
                contact.send(Map.of("type", "resume", "afterSeq", 0));
                desk.send(Map.of("type", "resume", "chatId", chatId, "afterSeq", 0));
                Chats.say(chat.contactToken(), chatId, "My boots are too small").statusCode(201);
                desk.awaitItem(3);

                // An agent who is not in the chat can neither monitor, read nor whisper.
                as(bob).post(MONITORING, chatId).then().statusCode(403);
                as(bob).get(TIMELINE, chatId).then().statusCode(403);
                as(bob).body(whisper("psst")).post(WHISPERS, chatId).then().statusCode(403);
                bobDesk.send(Map.of("type", "monitor", "chatId", chatId, "afterSeq", 0));
                assertThat(bobDesk.awaitType("error").path("code").asText()).isEqualTo("forbidden");
                try (Socket bobAsSupervisor = Socket.open(base, "/ws/supervisor", bob)) {
                    assertThat(bobAsSupervisor.awaitCloseCode()).isEqualTo(4403);
                }

                // The live chats list, then two supervisors at once: one over the socket, one over REST.
                as(sam).get("/api/supervision/chats").then().statusCode(200).body("chatId", hasItem(chatId));
                samDesk.send(Map.of("type", "monitor", "chatId", chatId, "afterSeq", 0));
                assertThat(samDesk.awaitItem(3).path("text").asText()).isEqualTo("My boots are too small");
                as(pat).post(MONITORING, chatId).then().statusCode(201);
                as(pat).post(MONITORING, chatId).then().statusCode(200);
                List<String> started = events.await(chatId, "chat.monitoring", 2);
                assertThat(started).allSatisfy(e -> assertThat(EventSchema.violations(e)).isEmpty());
                assertThat(started.stream().map(PublishedEvents::data).map(d -> d.path("supervisorId").asText()
                        + "/" + d.path("started").asBoolean())).containsExactlyInAnyOrder("sup1/true", "sup2/true");

                // The contact sees no one new: no notice, no participant.
                as(chat.contactToken()).get("/api/chats/{id}", chatId).then().statusCode(200)
                        .body("participants.id", equalTo(List.of("contact:" + chatId, "agent1")));

                // Sam whispers over the socket, Alice answers over REST: the staff see both, marked.
                samDesk.send(Map.of("type", "whisper", "chatId", chatId, "clientMessageId", "w1",
                        "text", "Offer the free exchange"));
                assertThat(samDesk.awaitType("ack").path("seq").asLong()).isEqualTo(4);
                JsonNode toAlice = desk.awaitItem(4);
                assertThat(toAlice.path("whisper").asBoolean()).isTrue();
                assertThat(toAlice.path("authorName").asText()).isEqualTo("Sam Super");
                as(alice).body(whisper("Will do")).post(WHISPERS, chatId).then().statusCode(201)
                        .body("seq", equalTo(5)).body("whisper", equalTo(true));
                as(alice).body(whisper("Will do")).post(WHISPERS, chatId).then().statusCode(200)
                        .body("seq", equalTo(5));
                assertThat(samDesk.awaitItem(5).path("text").asText()).isEqualTo("Will do");
                as(pat).get(TIMELINE, chatId).then().statusCode(200)
                        .body("items.seq", equalTo(List.of(1, 2, 3, 4, 5)))
                        .body("items[3].whisper", equalTo(true));

                // The contact can't whisper, and never gets a whisper: not live, not over REST.
                as(chat.contactToken()).body(whisper("hello?")).post(WHISPERS, chatId).then().statusCode(403);
                contact.send(Map.of("type", "whisper", "clientMessageId", "cw", "text", "hello?"));
                assertThat(contact.awaitType("error").path("code").asText()).isEqualTo("forbidden");
                Chats.say(alice, chatId, "We can exchange them for free").statusCode(201);
                assertThat(contact.awaitItem(6).path("text").asText()).isEqualTo("We can exchange them for free");
                assertThat(contact.itemSeqs(chatId)).containsExactly(1L, 2L, 3L, 6L);
                as(chat.contactToken()).get(TIMELINE, chatId).then().statusCode(200)
                        .body("items.seq", equalTo(List.of(1, 2, 3, 6)))
                        .body("items.text", equalTo(List.of("Erin Moss joined", "Alice Martin joined",
                                "My boots are too small", "We can exchange them for free")));

                // The whispers' events say so; the message to the contact does not carry the mark.
                List<JsonNode> messages = events.await(chatId, "chat.message", 4).stream()
                        .map(PublishedEvents::data).toList();
                assertThat(messages).filteredOn(m -> m.path("whisper").asBoolean())
                        .extracting(m -> m.path("seq").asLong()).containsExactlyInAnyOrder(4L, 5L);
                assertThat(messages).filteredOn(m -> m.path("seq").asLong() == 6)
                        .allSatisfy(m -> assertThat(m.has("whisper")).isFalse());

                // Sam stops: no more items on his socket, no more reads; Pat's closed socket-less monitoring goes on.
                samDesk.send(Map.of("type", "unmonitor", "chatId", chatId));
                await().atMost(Socket.WAIT).until(() -> events.of(chatId, "chat.monitoring").size() == 3);
                as(sam).get(TIMELINE, chatId).then().statusCode(403);
                Chats.say(alice, chatId, "Anything else?").statusCode(201);
                contact.awaitItem(7);
                desk.awaitItem(7);
                assertThat(samDesk.itemSeqs(chatId)).doesNotContain(7L);
                as(pat).get(TIMELINE, chatId).then().statusCode(200).body("lastSeq", equalTo(7));
                // A whisper last in the chat is nothing more to read for the contact: its last position stays 7.
                as(pat).body(whisper("Nice save")).post(WHISPERS, chatId).then().statusCode(201).body("seq", equalTo(8));
                as(chat.contactToken()).queryParam("afterSeq", 6).get(TIMELINE, chatId).then().statusCode(200)
                        .body("items.seq", equalTo(List.of(7))).body("lastSeq", equalTo(7));
                as(chat.contactToken()).get("/api/chats/{id}", chatId).then().body("lastSeq", equalTo(7));
                as(alice).get("/api/chats/{id}", chatId).then().body("lastSeq", equalTo(8));
                as(pat).delete(MONITORING, chatId).then().statusCode(204);
                as(pat).get(TIMELINE, chatId).then().statusCode(403);
            }
            assertThat(events.await(chatId, "chat.monitoring", 4).stream().map(PublishedEvents::data)
                    .filter(d -> !d.path("started").asBoolean()).map(d -> d.path("supervisorId").asText()))
                    .containsExactlyInAnyOrder("sup1", "sup2");
        }
    }

    @Test
    void closingTheSupervisorsSocketStopsTheMonitoring() {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var chat = activeChat();
            try (Socket samDesk = Socket.open(base, "/ws/supervisor", sam)) {
                samDesk.send(Map.of("type", "monitor", "chatId", chat.chatId(), "afterSeq", 0));
                samDesk.awaitItem(2);
            }
            List<String> monitoring = events.await(chat.chatId(), "chat.monitoring", 2);
            assertThat(PublishedEvents.data(monitoring.get(1)).path("started").asBoolean()).isFalse();
            as(sam).get(TIMELINE, chat.chatId()).then().statusCode(403);
        }
    }

    @Test
    void aSupervisorBargesInForEveryoneToSeeAndLeaves() {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var chat = activeChat();
            String chatId = chat.chatId();
            try (Socket contact = Socket.open(base, "/ws/contact/" + chatId, chat.contactToken())) {
                contact.send(Map.of("type", "resume", "afterSeq", 0));
                contact.awaitItem(2);

                as(bob).post("/api/supervision/chats/{id}/barge-in", chatId).then().statusCode(403);
                as(sam).post("/api/supervision/chats/{id}/barge-in", chatId).then().statusCode(204);
                JsonNode joined = contact.awaitItem(3);
                assertThat(joined.path("notice").asText()).isEqualTo("JOINED");
                assertThat(joined.path("text").asText()).isEqualTo("Sam Super joined");
                as(chat.contactToken()).get("/api/chats/{id}", chatId).then()
                        .body("participants.find { it.id == 'sup1' }.role", equalTo("SUPERVISOR"));
                assertThat(events.await(chatId, "chat.participant", 3).stream().map(PublishedEvents::data)
                        .filter(d -> d.path("participantId").asText().equals("sup1")).findFirst().orElseThrow()
                        .path("change").asText()).isEqualTo("CONFERENCE_JOINED");

                Chats.say(sam, chatId, "Hello Erin, I am Alice's supervisor").statusCode(201);
                assertThat(contact.awaitItem(4).path("authorName").asText()).isEqualTo("Sam Super");
                as(sam).post("/api/chats/{id}/leave", chatId).then().statusCode(204);
                assertThat(contact.awaitItem(5).path("text").asText()).isEqualTo("Sam Super left");

                as(alice).post("/api/chats/{id}/finish", chatId).then().statusCode(204);
                as(sam).post("/api/supervision/chats/{id}/barge-in", chatId).then().statusCode(409);
                as(sam).post(MONITORING, chatId).then().statusCode(409);
            }
        }
    }
}
