package io.switchboard.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.CallChannel;
import io.switchboard.events.CallState;
import io.switchboard.events.CallUpdated;
import io.switchboard.events.ChatMessage;
import io.switchboard.events.ChatMonitoring;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.events.MessageKind;
import io.switchboard.events.ParticipantRole;
import io.switchboard.events.ReceiptUpdated;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A full chat's events from the real broker become one complete interaction, once, whatever the arrival order. */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "history"),
        @ResourceArg(name = "topics", value = "dlq.history-service")})
class InteractionHistoryTest {

    static final Duration PROJECTED = Duration.ofSeconds(60);

    @Test
    void aFullChatIsEnteredInTheContactHistory() {
        ChatScenario chat = new ChatScenario();
        EventLog.publish(chat.envelopes());

        JsonNode v = awaitDone(chat.chatId);
        assertThat(v.at("/state").asText()).isEqualTo("DONE");
        assertThat(v.at("/contact/contactId").asText()).isEqualTo(chat.contactId);
        assertThat(v.at("/contact/phoneNumbers/0").asText()).isEqualTo(ChatScenario.PHONE);
        assertThat(texts(v.at("/queues"), "queue")).containsExactly("support", "billing");
        assertThat(v.at("/queue").asText()).isEqualTo("billing");
        assertThat(v.at("/timings/requestedAt").asText()).isEqualTo("2031-03-04T09:00:00Z");
        assertThat(v.at("/timings/firstOfferedAt").asText()).isEqualTo("2031-03-04T09:00:05Z");
        assertThat(v.at("/timings/acceptedAt").asText()).isEqualTo("2031-03-04T09:00:10Z");
        assertThat(v.at("/timings/endedAt").asText()).isEqualTo("2031-03-04T09:01:40Z");
        assertThat(v.at("/timings/doneAt").asText()).isEqualTo("2031-03-04T09:02:10Z");
        assertThat(v.at("/timings/waitSeconds").asLong()).isEqualTo(ChatScenario.WAIT_SECONDS);
        assertThat(v.at("/timings/handleSeconds").asLong()).isEqualTo(ChatScenario.HANDLE_SECONDS);
        assertThat(v.at("/ending/reason").asText()).isEqualTo("AGENT_FINISHED");

        JsonNode participants = v.at("/participants");
        assertThat(texts(participants, "id")).containsExactly("contact:" + chat.chatId, "agent1", "agent2",
                ChatScenario.SUPERVISOR);
        assertThat(participants.get(1).path("leftAt").asText()).isEqualTo("2031-03-04T09:00:40Z");
        assertThat(participants.get(2).path("leftAt").isMissingNode() || participants.get(2).path("leftAt").isNull())
                .isTrue();
        assertThat(participants.get(3).path("joinedVia").asText()).isEqualTo("CONFERENCE_JOINED");
        assertThat(participants.get(3).path("leftAt").asText()).isEqualTo("2031-03-04T09:01:10Z");
        assertThat(texts(v.at("/conferenceJoins"), "participantId")).containsExactly(ChatScenario.SUPERVISOR);

        assertThat(texts(v.at("/messages"), "seq")).containsExactly("3", "4", "5", "10");
        assertThat(v.at("/messages/0/text").asText()).isEqualTo(chat.firstWords);
        assertThat(v.at("/messages/2/kind").asText()).isEqualTo("PAGE_PUSH");
        assertThat(v.at("/pushedPages/0/url").asText()).isEqualTo(ChatScenario.PAGE_URL);

        assertThat(texts(v.at("/routing"), "outcome"))
                .containsExactly("QUEUED", "OFFERED", "ACCEPTED", "OFFERED", "ACCEPTED", "ACCEPTED");
        assertThat(v.at("/transfers/0/targetId").asText()).isEqualTo("billing");
        assertThat(v.at("/transfers/0/outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(v.at("/conferences/0/targetId").asText()).isEqualTo(ChatScenario.SUPERVISOR);
        assertThat(v.at("/calls/0/phoneNumber").asText()).isEqualTo(ChatScenario.PHONE);
        // A request with no call steps (events from before calls were followed) still shows, as requested.
        assertThat(v.at("/calls/0/channel").asText()).isEqualTo("PHONE");
        assertThat(v.at("/calls/0/state").asText()).isEqualTo("REQUESTED");
        assertThat(v.at("/wrapUp/dispositionCode").asText()).isEqualTo("RESOLVED");
        assertThat(v.at("/wrapUp/notes").asText()).isEqualTo("Refund issued");
        assertThat(v.at("/wrapUp/workflowDecision").asText()).isEqualTo("PARK");
        assertThat(v.at("/transcript/status").asText()).isEqualTo("SENT");
        assertThat(v.at("/workflow/status").asText()).isEqualTo("QUEUED");
        assertThat(v.at("/workflow/queue").asText()).isEqualTo("follow-up");
        assertThat(v.at("/lastSeq").asLong()).isEqualTo(11);

        // Attached data: the final values, and every change with who made it.
        assertThat(v.at("/data/orderNumber").asText()).isEqualTo(ChatScenario.NEW_ORDER_NUMBER);
        assertThat(v.at("/data/callback").asBoolean()).isTrue();
        JsonNode changes = v.at("/dataChanges");
        assertThat(texts(changes, "key")).containsExactly("orderNumber", "orderNumber", "callback");
        assertThat(texts(changes, "origin")).containsExactly("REQUEST", "AGENT", "AGENT");
        assertThat(changes.get(1).path("previous").asText()).isEqualTo("A-1001");
        assertThat(changes.get(1).path("changedBy").asText()).isEqualTo("agent2");
        assertThat(changes.get(1).path("at").asText()).isEqualTo("2031-03-04T09:01:35Z");

        // The contact's satisfaction survey, with the queue and the staff the event named.
        assertThat(v.at("/survey/score").asInt()).isEqualTo(4);
        assertThat(v.at("/survey/comment").asText()).isEqualTo(chat.surveyComment);
        assertThat(v.at("/survey/queue").asText()).isEqualTo("billing");
        assertThat(v.at("/survey/agents").toString()).isEqualTo("[\"agent1\",\"agent2\",\"supervisor1\"]");
        assertThat(v.at("/survey/answeredAt").asText()).isEqualTo("2031-03-04T09:02:20Z");
        // The search results show the score.
        JsonNode page = Json.parse(given().auth().oauth2(Tokens.supervisor("supervisor1"))
                .queryParam("contactId", chat.contactId).get("/api/history/interactions").then().statusCode(200)
                .extract().asString());
        assertThat(page.at("/items/0/chatId").asText()).isEqualTo(chat.chatId);
        assertThat(page.at("/items/0/surveyScore").asInt()).isEqualTo(4);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        ChatScenario chat = new ChatScenario();
        List<EventEnvelope> envelopes = chat.envelopes();
        EventLog.publish(envelopes);
        String first = awaitDone(chat.chatId).toString();

        EventLog.publish(envelopes);
        EventLog.awaitAllConsumed();

        assertThat(fetch(chat.chatId).toString()).isEqualTo(first);
    }

    @Test
    void eventsArrivingOutOfOrderGiveTheSameRecord() {
        ChatScenario inOrder = new ChatScenario();
        ChatScenario reversed = new ChatScenario().with(c -> {
            c.seed = inOrder.seed;
            c.contactId = inOrder.contactId;
        });
        EventLog.publish(inOrder.envelopes());
        List<EventEnvelope> backwards = new ArrayList<>(reversed.envelopes());
        Collections.reverse(backwards); // Mark Done, transcript and messages before the request itself
        EventLog.publish(backwards);

        String expected = awaitDone(inOrder.chatId).toString();
        await().atMost(PROJECTED).untilAsserted(() -> assertThat(
                fetch(reversed.chatId).toString().replace(reversed.chatId, inOrder.chatId)).isEqualTo(expected));
    }

    @Test
    void theMessagesOfSeveralChatsReadTogetherEachLandOnceInTheirOwnRecord() {
        ChatScenario alone = new ChatScenario();
        ChatScenario mixedIn = new ChatScenario().with(c -> {
            c.seed = alone.seed;
            c.contactId = alone.contactId;
        });
        ChatScenario other = new ChatScenario();
        EventLog.publish(alone.envelopes());
        String expected = awaitDone(alone.chatId).toString();

        // The two chats' events back to back, interleaved, and the first chat's messages twice: polls carry the
        // messages of both chats, applied together.
        List<EventEnvelope> first = mixedIn.envelopes();
        List<EventEnvelope> second = other.envelopes();
        List<EventEnvelope> mixed = new ArrayList<>();
        for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
            if (i < first.size()) {
                mixed.add(first.get(i));
            }
            if (i < second.size()) {
                mixed.add(second.get(i));
            }
        }
        first.stream().filter(e -> e.type().equals(EventType.CHAT_MESSAGE.topic())).forEach(mixed::add);
        EventLog.publish(mixed);

        await().atMost(PROJECTED).untilAsserted(() -> assertThat(
                fetch(mixedIn.chatId).toString().replace(mixedIn.chatId, alone.chatId)).isEqualTo(expected));
        JsonNode otherRecord = awaitDone(other.chatId);
        assertThat(texts(otherRecord.at("/messages"), "seq")).containsExactly("3", "4", "5", "10");
        assertThat(otherRecord.at("/lastSeq").asLong()).isEqualTo(11);
    }

    @Test
    void supervisionIsRecordedWithWhoAndWhenAndWhispersMarked() {
        ChatScenario chat = new ChatScenario();
        List<EventEnvelope> envelopes = new ArrayList<>(chat.envelopes());
        envelopes.add(Events.envelope(new ChatMonitoring(chat.chatId, "sup9", "Pat Lead", true, chat.at(60)),
                "session-service"));
        envelopes.add(Events.envelope(new ChatMessage(chat.chatId, 12, UUID.randomUUID(), "w1", "sup9", "Pat Lead",
                ParticipantRole.SUPERVISOR, MessageKind.TEXT, "Offer the refund", null, List.of(), chat.at(65),
                true), "session-service"));
        envelopes.add(Events.envelope(new ChatMonitoring(chat.chatId, "sup9", "Pat Lead", false, chat.at(75)),
                "session-service"));
        EventLog.publish(envelopes);

        JsonNode v = await().atMost(PROJECTED).until(() -> fetchOrNull(chat.chatId),
                n -> n != null && n.at("/messages").size() == 5 && n.at("/monitoring").size() == 2);
        JsonNode whisper = v.at("/messages/4");
        assertThat(whisper.path("seq").asLong()).isEqualTo(12);
        assertThat(whisper.path("whisper").asBoolean()).isTrue();
        assertThat(whisper.path("authorName").asText()).isEqualTo("Pat Lead");
        assertThat(v.at("/messages/0/whisper").asBoolean()).isFalse();
        assertThat(texts(v.at("/monitoring"), "supervisorId")).containsExactly("sup9", "sup9");
        assertThat(texts(v.at("/monitoring"), "started")).containsExactly("true", "false");
        assertThat(texts(v.at("/monitoring"), "at")).containsExactly("2031-03-04T09:01:00Z",
                "2031-03-04T09:01:15Z");
        // Monitoring made no one a participant.
        assertThat(texts(v.at("/participants"), "id")).doesNotContain("sup9");
    }

    @Test
    void receiptsKeepEachParticipantsHighestWatermarksAndWhenTheyWereReachedWhateverTheOrder() {
        ChatScenario chat = new ChatScenario();
        String contact = "contact:" + chat.chatId;
        List<EventEnvelope> envelopes = new ArrayList<>(chat.envelopes());
        // Out of order on purpose: the latest receipt first, then older ones and a repeat of the final values.
        envelopes.add(receipt(new ReceiptUpdated(chat.chatId, contact, ParticipantRole.CONTACT, "Dana Smith", 9, 7,
                chat.at(70))));
        envelopes.add(receipt(new ReceiptUpdated(chat.chatId, contact, ParticipantRole.CONTACT, "Dana Smith", 5, 0,
                chat.at(40))));
        envelopes.add(receipt(new ReceiptUpdated(chat.chatId, contact, ParticipantRole.CONTACT, "Dana Smith", 5, 5,
                chat.at(45))));
        envelopes.add(receipt(new ReceiptUpdated(chat.chatId, contact, ParticipantRole.CONTACT, "Dana Smith", 9, 5,
                chat.at(60))));
        envelopes.add(receipt(new ReceiptUpdated(chat.chatId, "agent1", ParticipantRole.AGENT, "Alice Martin", 4, 4,
                chat.at(42))));
        EventLog.publish(envelopes);

        // Every copy applied (they commute): the final values, whichever came last.
        await().atMost(PROJECTED).untilAsserted(() -> {
            JsonNode v = fetchOrNull(chat.chatId);
            assertThat(v).isNotNull();
            assertThat(v.at("/receipts").size()).isEqualTo(2);
            JsonNode alice = v.at("/receipts/0");
            assertThat(alice.path("participantId").asText()).isEqualTo("agent1");
            assertThat(alice.path("readSeq").asLong()).isEqualTo(4);
            JsonNode dana = v.at("/receipts/1");
            assertThat(dana.path("participantId").asText()).isEqualTo(contact);
            assertThat(dana.path("name").asText()).isEqualTo("Dana Smith");
            assertThat(dana.path("role").asText()).isEqualTo("CONTACT");
            assertThat(dana.path("deliveredSeq").asLong()).isEqualTo(9);
            assertThat(dana.path("readSeq").asLong()).isEqualTo(7);
            // Delivered up to 9 first at 09:01:00 (the read at 09:01:10 repeated it), read up to 7 at 09:01:10.
            assertThat(dana.path("deliveredAt").asText()).isEqualTo("2031-03-04T09:01:00Z");
            assertThat(dana.path("readAt").asText()).isEqualTo("2031-03-04T09:01:10Z");
            assertThat(dana.path("firstReadAt").asText()).isEqualTo("2031-03-04T09:00:45Z");
        });
    }

    private static EventEnvelope receipt(ReceiptUpdated r) {
        return Events.envelope(r, "session-service");
    }

    @Test
    void theInteractionListsItsFilesWithWhoPostedThemAndWhen() {
        ChatScenario chat = new ChatScenario();
        List<EventEnvelope> envelopes = new ArrayList<>(chat.envelopes());
        UUID fileId = UUID.randomUUID();
        envelopes.add(Events.envelope(new ChatMessage(chat.chatId, 12, UUID.randomUUID(), "f1",
                "contact:" + chat.chatId, chat.contactName, ParticipantRole.CONTACT, MessageKind.FILE, "receipt.png",
                null, List.of(), chat.at(70), null,
                new ChatMessage.Attachment(fileId, "receipt.png", "image/png", 48213)), "session-service"));
        EventLog.publish(envelopes);

        JsonNode v = await().atMost(PROJECTED).until(() -> fetchOrNull(chat.chatId),
                n -> n != null && n.at("/attachments").size() == 1);
        JsonNode file = v.at("/attachments/0");
        assertThat(file.path("id").asText()).isEqualTo(fileId.toString());
        assertThat(file.path("name").asText()).isEqualTo("receipt.png");
        assertThat(file.path("contentType").asText()).isEqualTo("image/png");
        assertThat(file.path("size").asLong()).isEqualTo(48213);
        assertThat(file.path("authorName").asText()).isEqualTo(chat.contactName);
        assertThat(file.path("authorRole").asText()).isEqualTo("CONTACT");
        assertThat(file.path("at").asText()).isEqualTo("2031-03-04T09:01:10Z");
        assertThat(file.path("seq").asLong()).isEqualTo(12);
        // In the timeline too, as the FILE message its name is the text of.
        assertThat(v.at("/messages/4/kind").asText()).isEqualTo("FILE");
        assertThat(v.at("/messages/4/text").asText()).isEqualTo("receipt.png");
    }

    @Test
    void unknownInteractionIsNotFound() {
        given().auth().oauth2(Tokens.supervisor("supervisor1"))
                .get("/api/history/interactions/no-such-chat")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anonymousCallersAreRejected() {
        given().get("/api/history/interactions").then().statusCode(401);
    }

    /** Waits for the whole chat: Mark Done, the last message, the workflow outcome and the survey. */
    @Test
    void eachCallShowsItsChannelOutcomeDurationAndWhoHungUp() {
        ChatScenario chat = new ChatScenario();
        List<EventEnvelope> events = new ArrayList<>(chat.envelopes());
        String web = "web-" + chat.seed;
        String phone = "call-" + chat.seed; // the scenario's chat.call.requested: its steps follow
        events.add(call(new CallUpdated(chat.chatId, web, CallChannel.WEB, CallState.RINGING, "agent1", null, null,
                null, null, chat.at(20))));
        events.add(call(new CallUpdated(chat.chatId, web, CallChannel.WEB, CallState.ANSWERED, "agent1", null, null,
                null, null, chat.at(25))));
        events.add(call(new CallUpdated(chat.chatId, web, CallChannel.WEB, CallState.ENDED, "agent1", null,
                "hung-up", "contact:" + chat.chatId, 35L, chat.at(60))));
        events.add(call(new CallUpdated(chat.chatId, phone, CallChannel.PHONE, CallState.REQUESTED, "agent2",
                ChatScenario.PHONE, null, null, null, chat.at(80))));
        events.add(call(new CallUpdated(chat.chatId, phone, CallChannel.PHONE, CallState.DIALLING, "agent2",
                ChatScenario.PHONE, null, null, null, chat.at(81))));
        events.add(call(new CallUpdated(chat.chatId, phone, CallChannel.PHONE, CallState.CONNECTED, "agent2",
                ChatScenario.PHONE, null, null, null, chat.at(85))));
        events.add(call(new CallUpdated(chat.chatId, phone, CallChannel.PHONE, CallState.ENDED, "agent2",
                ChatScenario.PHONE, "hung-up", "contact", 42L, chat.at(127))));
        EventLog.publish(events);

        awaitDone(chat.chatId);
        JsonNode v = await().atMost(PROJECTED).until(() -> fetchOrNull(chat.chatId),
                n -> n != null && n.at("/calls").size() == 2 && "ENDED".equals(n.at("/calls/1/state").asText()));
        JsonNode first = v.at("/calls/0");
        assertThat(first.path("requestId").asText()).isEqualTo(web);
        assertThat(first.path("channel").asText()).isEqualTo("WEB");
        assertThat(first.path("state").asText()).isEqualTo("ENDED");
        assertThat(first.path("durationSeconds").asLong()).isEqualTo(35);
        assertThat(first.path("endedBy").asText()).isEqualTo("contact:" + chat.chatId);
        assertThat(first.path("reason").asText()).isEqualTo("hung-up");
        assertThat(first.path("requestedAt").asText()).isEqualTo("2031-03-04T09:00:20Z");
        assertThat(first.path("answeredAt").asText()).isEqualTo("2031-03-04T09:00:25Z");
        assertThat(first.path("endedAt").asText()).isEqualTo("2031-03-04T09:01:00Z");
        JsonNode second = v.at("/calls/1");
        assertThat(second.path("requestId").asText()).as("the request and its steps are one call").isEqualTo(phone);
        assertThat(second.path("channel").asText()).isEqualTo("PHONE");
        assertThat(second.path("phoneNumber").asText()).isEqualTo(ChatScenario.PHONE);
        assertThat(second.path("durationSeconds").asLong()).isEqualTo(42);
        assertThat(second.path("endedBy").asText()).isEqualTo("contact");
    }

    private static EventEnvelope call(CallUpdated step) {
        return Events.envelope(step, "session-service");
    }

    static JsonNode awaitDone(String chatId) {
        return await().atMost(PROJECTED).until(() -> fetchOrNull(chatId), v -> v != null
                && "DONE".equals(v.at("/state").asText()) && v.at("/messages").size() == 4
                && v.at("/lastSeq").asLong() == 11 && !v.at("/workflow/status").isNull()
                && "SENT".equals(v.at("/transcript/status").asText())
                && !v.at("/timings/requestedAt").isMissingNode() && !v.at("/timings/requestedAt").isNull()
                && v.at("/participants").size() == 4 && v.at("/routing").size() == 6
                && v.at("/survey/score").isInt());
    }

    static JsonNode fetch(String chatId) {
        JsonNode node = fetchOrNull(chatId);
        assertThat(node).as("interaction " + chatId).isNotNull();
        return node;
    }

    static JsonNode fetchOrNull(String chatId) {
        var response = given().auth().oauth2(Tokens.supervisor("supervisor1"))
                .get("/api/history/interactions/" + chatId);
        return response.statusCode() == 200 ? Json.parse(response.asString()) : null;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }
}
