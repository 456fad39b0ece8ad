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
import io.switchboard.events.CallStatus;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventSchema;
import io.switchboard.events.Events;
import io.switchboard.events.OfferKind;
import io.switchboard.events.TelephonyStatus;
import io.switchboard.session.support.Broker;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.PublishedEvents;
import io.switchboard.session.support.Routing;
import io.switchboard.session.support.Socket;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls of a chat over the real sockets, broker and database: a web call rings, is answered, signals reach only the
 * other party, and it ends (hang-up, decline, ring timeout, the chat's end, a closed socket); refusals are error frames
 * with their codes; a phone call from "Make a call" follows the telephony adapter's statuses, each applied once.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class CallsTest {

    private static final String CALLS = "/api/chats/{id}/calls";
    private static final String UPDATED = "chat.call.updated";

    KafkaCompanion companion = Broker.companion();

    @TestHTTPResource("/")
    URI base;

    Routing routing;
    String alice = Tokens.agent("agent1", "Alice Martin");
    String bruno = Tokens.agent("agent2", "Bruno Costa");
    String chloe = Tokens.agent("agent3", "Chloé Durand");

    @BeforeEach
    void ready() {
        routing = new Routing(companion);
        WorkflowStub.reset();
        Chats.awaitReady();
    }

    private Chats.NewChat activeChat(String name) {
        var chat = Chats.request(name, name.toLowerCase().replace(' ', '.') + "@example.com",
                List.of("+1 202 555 0187"));
        routing.assign(chat.chatId(), "agent1", "Alice Martin");
        Chats.awaitState(alice, chat.chatId(), "ACTIVE");
        return chat;
    }

    private Socket agentSocket(String token, String chatId) {
        Socket socket = Socket.open(base, "/ws/agent", token);
        socket.send(Map.of("type", "resume", "chatId", chatId, "afterSeq", 0));
        socket.awaitItem(1); // resumed: the chat's live frames reach it from now on
        return socket;
    }

    private Socket contactSocket(Chats.NewChat chat) {
        Socket socket = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken());
        socket.send(Map.of("type", "resume", "afterSeq", 0));
        socket.awaitItem(1);
        return socket;
    }

    private static Predicate<JsonNode> call(String state) {
        return f -> "call".equals(f.path("type").asText()) && state.equals(f.path("state").asText());
    }

    private static Predicate<JsonNode> error(String code) {
        return f -> "error".equals(f.path("type").asText()) && code.equals(f.path("code").asText());
    }

    private static Predicate<JsonNode> callNotice(String state) {
        return f -> "item".equals(f.path("type").asText()) && "CALL".equals(f.path("item").path("notice").asText())
                && state.equals(f.path("item").path("callState").asText());
    }

    private static long count(Socket socket, Predicate<JsonNode> match) {
        return socket.frames().stream().filter(match).count();
    }

    private static Map<String, Object> signal(String chatId, String callId, Map<String, Object> signal) {
        return Map.of("type", "call-signal", "chatId", chatId, "callId", callId, "signal", signal);
    }

    @Test
    void aWebCallRingsIsAnsweredRelaysSignalsToTheOtherPartyOnlyAndEndsWithItsDuration() throws Exception {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var chat = activeChat("Vera Voice");
            String chatId = chat.chatId();
            // Bruno is in the chat as a conference guest: he sees the call's notices, never its signals.
            String offer = routing.offered(chatId, "agent2", "Bruno Costa", OfferKind.CONFERENCE, null, null);
            routing.accepted(chatId, offer, "agent2", "Bruno Costa", OfferKind.CONFERENCE, null, null);
            Chats.awaitPresent(alice, chatId, "agent2");
            try (Socket agent = agentSocket(alice, chatId); Socket contact = contactSocket(chat);
                 Socket guest = agentSocket(bruno, chatId)) {
                agent.send(Map.of("type", "call-start", "chatId", chatId));
                JsonNode ringing = contact.await(call("RINGING"));
                String callId = ringing.path("callId").asText();
                assertThat(ringing.path("channel").asText()).isEqualTo("WEB");
                assertThat(ringing.path("agentId").asText()).isEqualTo("agent1");
                contact.send(Map.of("type", "call-answer", "callId", callId));
                agent.await(call("RINGING"));
                JsonNode notice = contact.await(callNotice("RINGING")).path("item");
                assertThat(notice.path("text").asText()).isEqualTo("Alice Martin started a voice call");
                assertThat(notice.path("callId").asText()).isEqualTo(callId);
                guest.await(callNotice("RINGING"));
                agent.await(call("ANSWERED"));

                // One live web call per chat.
                agent.send(Map.of("type", "call-start", "chatId", chatId));
                agent.await(error("call-in-progress"));
                assertThat(contact.await(callNotice("ANSWERED")).path("item").path("text").asText())
                        .isEqualTo("Vera Voice answered the voice call");

                agent.send(signal(chatId, callId, Map.of("sdp", Map.of("type", "offer", "sdp", "v=0 offer"))));
                JsonNode relayed = contact.await(f -> "call-signal".equals(f.path("type").asText()));
                assertThat(relayed.path("from").asText()).isEqualTo("agent1");
                assertThat(relayed.path("callId").asText()).isEqualTo(callId);
                assertThat(relayed.path("signal").path("sdp").path("sdp").asText()).isEqualTo("v=0 offer");
                contact.send(Map.of("type", "call-signal", "callId", callId,
                        "signal", Map.of("candidate", Map.of("candidate", "candidate:1 1 udp 1 10.0.0.1 9 typ host"))));
                JsonNode back = agent.await(f -> "call-signal".equals(f.path("type").asText()));
                assertThat(back.path("from").asText()).isEqualTo("contact:" + chatId);
                assertThat(back.path("signal").path("candidate").path("candidate").asText()).startsWith("candidate:1");

                // The guest is in the chat but not in the call: refused, and he got no signal.
                guest.send(signal(chatId, callId, Map.of("kind", "hold")));
                guest.await(error("not-a-participant"));
                guest.send(Map.of("type", "call-hangup", "chatId", chatId, "callId", callId));
                await().atMost(Socket.WAIT).until(() -> count(guest, error("not-a-participant")) == 2);
                // Someone not in the chat learns nothing about its calls.
                try (Socket outsider = Socket.open(base, "/ws/agent", chloe)) {
                    outsider.send(signal(chatId, callId, Map.of("kind", "hold")));
                    outsider.await(error("not-a-participant"));
                    outsider.send(Map.of("type", "call-start", "chatId", chatId));
                    await().atMost(Socket.WAIT).until(() -> count(outsider, error("not-a-participant")) == 2);
                }
                // Bad frames and unknown calls.
                agent.send(Map.of("type", "call-signal", "chatId", chatId, "callId", callId));
                agent.await(error("bad-frame"));
                agent.send(signal(chatId, callId, Map.of("text", "not a signal")));
                await().atMost(Socket.WAIT).until(() -> count(agent, error("bad-frame")) == 2);
                agent.send(Map.of("type", "call-hangup", "chatId", chatId));
                await().atMost(Socket.WAIT).until(() -> count(agent, error("bad-frame")) == 3);
                agent.send(signal(chatId, "no-such-id", Map.of("kind", "hold")));
                agent.await(error("no-such-call"));
                // The agent does not answer its own call.
                agent.send(Map.of("type", "call-answer", "chatId", chatId, "callId", callId));
                agent.await(error("forbidden"));

                Thread.sleep(1100); // a second of talk, so the duration shows
                agent.send(Map.of("type", "call-hangup", "chatId", chatId, "callId", callId));
                JsonNode ended = contact.await(call("ENDED"));
                assertThat(ended.path("reason").asText()).isEqualTo("hung-up");
                assertThat(ended.path("by").asText()).isEqualTo("agent1");
                assertThat(ended.path("durationSeconds").asLong()).isGreaterThanOrEqualTo(1);
                assertThat(contact.await(callNotice("ENDED")).path("item").path("text").asText())
                        .startsWith("The voice call ended after ");
                // Over: signals are refused, nothing more reaches the contact.
                agent.send(signal(chatId, callId, Map.of("kind", "hold")));
                agent.await(error("call-ended"));

                assertThat(count(guest, f -> "call-signal".equals(f.path("type").asText()))).isZero();
                assertThat(count(agent, f -> "call-signal".equals(f.path("type").asText())))
                        .as("the sender never gets its own signal back").isEqualTo(1);
                assertThat(count(contact, f -> "call-signal".equals(f.path("type").asText()))).isEqualTo(1);
            }

            List<String> updates = events.await(chatId, UPDATED, 3);
            assertThat(updates).extracting(v -> PublishedEvents.data(v).path("state").asText())
                    .containsExactly("RINGING", "ANSWERED", "ENDED");
            updates.forEach(v -> assertThat(EventSchema.violations(v)).isEmpty());
            JsonNode last = PublishedEvents.data(updates.get(2));
            assertThat(last.path("endedBy").asText()).isEqualTo("agent1");
            assertThat(last.path("durationSeconds").asLong()).isGreaterThanOrEqualTo(1);

            as(alice).get(CALLS, chatId).then().statusCode(200)
                    .body("calls.size()", equalTo(1))
                    .body("calls[0].channel", equalTo("WEB"))
                    .body("calls[0].state", equalTo("ENDED"))
                    .body("calls[0].reason", equalTo("hung-up"))
                    .body("calls[0].endedBy", equalTo("agent1"))
                    .body("iceServers.size()", equalTo(0));
            as(chat.contactToken()).get(CALLS, chatId).then().statusCode(200).body("calls.size()", equalTo(1));
            as(chloe).get(CALLS, chatId).then().statusCode(403)
                    .body("type", equalTo("https://switchboard.dev/problems/forbidden"));
            as(alice).get(CALLS, "no-such-chat").then().statusCode(404);
        }
    }

    @Test
    void aWebCallIsDeclinedOrNotAnsweredInTime() {
        var chat = activeChat("Dee Cline");
        String chatId = chat.chatId();
        try (Socket agent = agentSocket(alice, chatId); Socket contact = contactSocket(chat)) {
            agent.send(Map.of("type", "call-start", "chatId", chatId));
            String first = contact.await(call("RINGING")).path("callId").asText();
            contact.send(Map.of("type", "call-decline", "callId", first));
            JsonNode declined = agent.await(call("DECLINED"));
            assertThat(declined.path("reason").asText()).isEqualTo("declined");
            assertThat(declined.path("callId").asText()).isEqualTo(first);
            // A declined call can no longer be answered.
            contact.send(Map.of("type", "call-answer", "callId", first));
            contact.await(error("call-not-ringing"));

            // Nobody answers the next one: the ring timeout (5 s in tests) ends it.
            agent.send(Map.of("type", "call-start", "chatId", chatId));
            agent.await(f -> call("RINGING").test(f) && !first.equals(f.path("callId").asText()));
            JsonNode unanswered = contact.await(call("ENDED"));
            assertThat(unanswered.path("reason").asText()).isEqualTo("no-answer");
            assertThat(contact.await(callNotice("ENDED")).path("item").path("text").asText())
                    .isEqualTo("The voice call was not answered");
        }
    }

    @Test
    void aCallEndsWhenTheContactGoesAwayOrTheChatEnds() {
        var chat = activeChat("Gone Away");
        String chatId = chat.chatId();
        try (Socket agent = agentSocket(alice, chatId)) {
            try (Socket contact = contactSocket(chat)) {
                agent.send(Map.of("type", "call-start", "chatId", chatId));
                String callId = contact.await(call("RINGING")).path("callId").asText();
                contact.send(Map.of("type", "call-answer", "callId", callId));
                agent.await(call("ANSWERED"));
            }
            JsonNode cut = agent.await(call("ENDED"));
            assertThat(cut.path("reason").asText()).isEqualTo("disconnected");
            assertThat(cut.path("by").asText()).isEqualTo("contact:" + chatId);

            agent.send(Map.of("type", "call-start", "chatId", chatId));
            await().atMost(Socket.WAIT).until(() -> count(agent, call("RINGING")) == 2);
            as(alice).post("/api/chats/{id}/finish", chatId).then().statusCode(204);
            await().atMost(Socket.WAIT).until(() -> agent.frames().stream().anyMatch(f -> call("ENDED").test(f)
                    && "chat-ended".equals(f.path("reason").asText())));
            // The call's end comes before the chat's end in the timeline.
            List<JsonNode> notices = as(alice).get("/api/chats/{id}/timeline", chatId).then().statusCode(200)
                    .extract().jsonPath().getList("items", Map.class).stream()
                    .map(m -> Events.json().valueToTree(m)).map(JsonNode.class::cast)
                    .filter(i -> "NOTICE".equals(i.path("kind").asText())).toList();
            JsonNode lastTwoFirst = notices.get(notices.size() - 2);
            assertThat(lastTwoFirst.path("notice").asText()).isEqualTo("CALL");
            assertThat(lastTwoFirst.path("reason").asText()).isEqualTo("chat-ended");
            assertThat(notices.get(notices.size() - 1).path("notice").asText()).isEqualTo("ENDED");
        }
    }

    @Test
    void aPhoneCallFollowsTheTelephonyStatusesOnceAndForwardOnly() {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var chat = activeChat("Phil Phone");
            String chatId = chat.chatId();
            String requestId = as(alice).body(Map.of("phoneNumber", "+1 202 555 0187"))
                    .post(CALLS, chatId).then().statusCode(202).extract().path("requestId");
            JsonNode requested = PublishedEvents.data(events.await(chatId, UPDATED, 1).get(0));
            assertThat(requested.path("callId").asText()).isEqualTo(requestId);
            assertThat(requested.path("channel").asText()).isEqualTo("PHONE");
            assertThat(requested.path("state").asText()).isEqualTo("REQUESTED");
            assertThat(requested.path("phoneNumber").asText()).isEqualTo("+12025550187");
            events.awaitData(chatId, "chat.call.requested");

            Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            telephony(status(chatId, requestId, TelephonyStatus.DIALLING, null, null, t0));
            String connected = telephony(status(chatId, requestId, TelephonyStatus.CONNECTED, null, null,
                    t0.plusSeconds(5)));
            // The same event again (a redelivery) is applied once; a status that goes backwards is ignored.
            telephonyAgain(chatId, connected);
            telephony(status(chatId, requestId, TelephonyStatus.DIALLING, null, null, t0.plusSeconds(6)));
            telephony(status(chatId, requestId, TelephonyStatus.ENDED, "hung-up", 42L, t0.plusSeconds(47)));
            // After the end nothing moves it, and a status of a request nobody made is ignored.
            telephony(status(chatId, requestId, TelephonyStatus.FAILED, "busy", null, t0.plusSeconds(48)));
            telephony(status(chatId, "unknown-request", TelephonyStatus.DIALLING, null, null, t0));

            List<String> updates = events.await(chatId, UPDATED, 4);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> events.of(chatId, UPDATED).size() == 4);
            assertThat(events.of(chatId, UPDATED)).extracting(v -> PublishedEvents.data(v).path("state").asText())
                    .containsExactly("REQUESTED", "DIALLING", "CONNECTED", "ENDED");
            JsonNode ended = PublishedEvents.data(events.of(chatId, UPDATED).get(3));
            assertThat(ended.path("durationSeconds").asLong()).isEqualTo(42);
            assertThat(ended.path("reason").asText()).isEqualTo("hung-up");
            assertThat(ended.path("endedBy").asText()).isEqualTo("contact");
            updates.forEach(v -> assertThat(EventSchema.violations(v)).isEmpty());

            as(alice).get(CALLS, chatId).then().statusCode(200)
                    .body("calls.size()", equalTo(1))
                    .body("calls[0].callId", equalTo(requestId))
                    .body("calls[0].state", equalTo("ENDED"))
                    .body("calls[0].durationSeconds", equalTo(42))
                    .body("calls[0].phoneNumber", equalTo("+12025550187"));
            List<String> texts = as(alice).get("/api/chats/{id}/timeline", chatId).then().statusCode(200)
                    .extract().jsonPath().getList("items.findAll { it.notice == 'CALL' }.text", String.class);
            assertThat(texts).containsExactly("Alice Martin asked for a phone call to +12025550187",
                    "Dialling +12025550187", "The phone call is connected", "The phone call ended after 42 s");
        }
    }

    private static CallStatus status(String chatId, String requestId, TelephonyStatus status, String reason,
                                     Long duration, Instant at) {
        return new CallStatus(chatId, requestId, status, reason, "prov-1",
                status == TelephonyStatus.ENDED ? "contact" : null, duration, at);
    }

    /** Publishes a status on the real broker as the adapter would; returns the record value (the event). */
    private String telephony(CallStatus status) {
        EventEnvelope envelope = Events.envelope(status, "telephony-adapter");
        String value = Events.write(envelope);
        telephonyAgain(status.chatId(), value);
        return value;
    }

    private void telephonyAgain(String chatId, String value) {
        companion.produceStrings().fromRecords(new ProducerRecord<>(
                SwitchboardInfrastructure.topic("telephony.call.status"), chatId, value)).awaitCompletion();
    }
}
