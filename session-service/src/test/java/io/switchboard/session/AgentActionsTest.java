package io.switchboard.session;

import static io.restassured.RestAssured.given;
import static io.switchboard.session.support.Chats.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an agent does during a chat besides typing: pages, numbers, standard responses, transfer, conference. */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class AgentActionsTest {

    KafkaCompanion companion = Broker.companion();

    @TestHTTPResource("/")
    URI base;

    Routing routing;
    String alice = Tokens.agent("agent1", "Alice Martin");
    String bruno = Tokens.agent("agent2", "Bruno Costa");
    String sam = Tokens.supervisor("supervisor1", "Sam Taylor");

    @BeforeEach
    void ready() {
        routing = new Routing(companion);
        WorkflowStub.reset();
        Chats.awaitReady();
    }

    private Chats.NewChat activeChat(String name, List<String> numbers) {
        var chat = Chats.request(name, name.toLowerCase().replace(' ', '.') + "@example.com", numbers);
        routing.assign(chat.chatId(), "agent1", "Alice Martin");
        Chats.awaitState(alice, chat.chatId(), "ACTIVE");
        return chat;
    }

    @Test
    void pagePushAcceptsHttpAndRefusesOtherSchemes() {
        var chat = activeChat("Page Visitor", List.of());
        try (Socket contact = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken())) {
            contact.send(Map.of("type", "resume", "afterSeq", 2));
            var pushed = Chats.send(alice, chat.chatId(), Map.of("clientMessageId", "p-1",
                    "pageUrl", "https://example.com/help/billing?x=1")).statusCode(201).extract().jsonPath();
            assertThat(pushed.getString("messageKind")).isEqualTo("PAGE_PUSH");
            JsonNode item = contact.awaitItem(pushed.getLong("seq"));
            assertThat(item.path("url").asText()).isEqualTo("https://example.com/help/billing?x=1");
        }
        for (String bad : List.of("javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                "file:///etc/passwd", "https://user:pw@example.com/", "ftp://example.com/", "/relative")) {
            Chats.send(alice, chat.chatId(), Map.of("clientMessageId", UUID.randomUUID().toString(), "pageUrl", bad))
                    .statusCode(400).body("type", equalTo("https://switchboard.dev/problems/bad-request"));
        }
        // The contact cannot push pages.
        Chats.send(chat.contactToken(), chat.chatId(), Map.of("clientMessageId", "c-p",
                "pageUrl", "https://example.com")).statusCode(403);
        // Nothing was stored by the refused calls.
        assertThat(as(alice).get("/api/chats/{id}", chat.chatId()).then().extract().jsonPath().getLong("lastSeq"))
                .isEqualTo(3);
    }

    @Test
    void phoneNumbersInMessagesAreReturnedAndCallable() {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var chat = activeChat("Caller Contact", List.of("+44 20 7946 0958"));
            var item = Chats.say(chat.contactToken(), chat.chatId(),
                    "Call me on +1 (202) 555-0187 or at the office 202-555-0199 please").statusCode(201)
                    .extract().jsonPath();
            assertThat(item.getList("phoneNumbers", String.class)).containsExactly("+12025550187", "+12025550199");

            as(alice).get("/api/chats/{id}/phone-numbers", chat.chatId()).then().statusCode(200)
                    .body("numbers", equalTo(List.of("+442079460958", "+12025550187", "+12025550199")));
            String requestId = as(alice).body(Map.of("phoneNumber", "+1 202 555 0187"))
                    .post("/api/chats/{id}/calls", chat.chatId()).then().statusCode(202).extract().path("requestId");
            as(alice).body(Map.of("phoneNumber", "+1 202 555 0111"))
                    .post("/api/chats/{id}/calls", chat.chatId()).then().statusCode(400);

            JsonNode call = events.awaitData(chat.chatId(), "chat.call.requested");
            assertThat(call.path("phoneNumber").asText()).isEqualTo("+12025550187");
            assertThat(call.path("requestId").asText()).isEqualTo(requestId);
            assertThat(EventSchema.violations(events.of(chat.chatId(), "chat.call.requested").get(0))).isEmpty();
        }
    }

    @Test
    void numbersWithoutCountryCodeAreReadInTheChatsCountry() {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var created = given().contentType(ContentType.JSON)
                    .body(Map.of("name", "Léa Petit", "email", "lea.petit@example.com", "queue", "general",
                            "subject", "Facture", "language", "fr"))
                    .post("/api/chats").then().statusCode(201).extract().jsonPath();
            String chatId = created.getString("chatId");
            routing.assign(chatId, "agent1", "Alice Martin");
            Chats.awaitState(alice, chatId, "ACTIVE");
            var item = Chats.say(created.getString("contactToken"), chatId, "appelez-moi au 06 12 34 56 78")
                    .statusCode(201).extract().jsonPath();
            assertThat(item.getList("phoneNumbers", String.class)).containsExactly("+33612345678");

            as(alice).get("/api/chats/{id}/phone-numbers", chatId).then().statusCode(200)
                    .body("numbers", equalTo(List.of("+33612345678")));
            // The agent may dial it as written in the chat.
            as(alice).body(Map.of("phoneNumber", "06 12 34 56 78"))
                    .post("/api/chats/{id}/calls", chatId).then().statusCode(202);
            assertThat(events.awaitData(chatId, "chat.call.requested").path("phoneNumber").asText())
                    .isEqualTo("+33612345678");
        }
        // A number given with the request without a country code is read in the country of the contact's others.
        String chatId = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Jean Roux", "email", "jean.roux@example.com", "language", "en",
                        "phoneNumbers", List.of("+33 1 42 68 53 00", "06 12 34 56 78")))
                .post("/api/chats").then().statusCode(201).extract().path("chatId");
        routing.assign(chatId, "agent1", "Alice Martin");
        Chats.awaitState(alice, chatId, "ACTIVE");
        as(alice).get("/api/chats/{id}", chatId).then()
                .body("contact.phoneNumbers", equalTo(List.of("+33142685300", "+33612345678")));
    }

    @Test
    void standardResponsesAreManagedBySupervisorsAndFilledOnUse() {
        var created = as(sam).body(Map.of("category", "Billing", "title", "Refund " + UUID.randomUUID(),
                        "texts", Map.of("en", "Dear {contact.name}, {agent.name} has issued your refund.",
                                "fr", "Cher {contact.name}, {agent.name} a émis votre remboursement.")))
                .post("/api/standard-responses").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        as(alice).body(Map.of("category", "Billing", "title", "x", "texts", Map.of("en", "x")))
                .post("/api/standard-responses").then().statusCode(403);
        as(sam).body(Map.of("category", "", "title", "x", "texts", Map.of()))
                .post("/api/standard-responses").then().statusCode(400);

        as(alice).get("/api/standard-responses?q=refund&category=Billing&language=fr").then().statusCode(200)
                .body("id", hasItem(id));
        as(alice).get("/api/standard-responses?category=Greetings").then().statusCode(200)
                .body("title", hasItem("Welcome")).body("id", not(hasItem(id)));

        var chat = activeChat("Jane Roe", List.of());
        var item = Chats.send(alice, chat.chatId(), Map.of("clientMessageId", "sr-1", "standardResponseId", id))
                .statusCode(201).extract().jsonPath();
        assertThat(item.getString("messageKind")).isEqualTo("STANDARD_RESPONSE");
        assertThat(item.getString("text")).isEqualTo("Dear Jane Roe, Alice Martin has issued your refund.");

        as(sam).body(Map.of("category", "Billing", "title", "Refund", "texts", Map.of("en", "Refund done.")))
                .put("/api/standard-responses/{id}", id).then().statusCode(200).body("texts.en", equalTo("Refund done."));
        as(sam).delete("/api/standard-responses/{id}", id).then().statusCode(204);
        Chats.send(alice, chat.chatId(), Map.of("clientMessageId", "sr-2", "standardResponseId", id))
                .statusCode(404);
    }

    @Test
    void transferMovesTheChatToTheNewAgentWhoSeesTheConversationSoFar() {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var chat = activeChat("Transfer Contact", List.of());
            Chats.say(chat.contactToken(), chat.chatId(), "I need the sales team").statusCode(201);

            String requestId = as(alice).body(Map.of("targetType", "AGENT", "targetId", "agent2"))
                    .post("/api/chats/{id}/transfer", chat.chatId()).then().statusCode(202).extract().path("requestId");
            JsonNode transfer = events.awaitData(chat.chatId(), "chat.transfer.requested");
            assertThat(transfer.path("targetId").asText()).isEqualTo("agent2");
            assertThat(transfer.path("requestedBy").asText()).isEqualTo("agent1");

            try (Socket brunoDesk = Socket.open(base, "/ws/agent", bruno);
                 Socket aliceDesk = Socket.open(base, "/ws/agent", alice);
                 Socket contact = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken())) {
                contact.send(Map.of("type", "resume", "afterSeq", 3));
                aliceDesk.send(Map.of("type", "resume", "chatId", chat.chatId(), "afterSeq", 3));
                // Bruno cannot read the chat before he is part of it.
                brunoDesk.send(Map.of("type", "resume", "chatId", chat.chatId(), "afterSeq", 0));
                assertThat(brunoDesk.awaitType("error").path("code").asText()).isEqualTo("forbidden");

                String offerId = routing.offered(chat.chatId(), "agent2", "Bruno Costa", OfferKind.TRANSFER,
                        requestId, "agent1");
                assertThat(brunoDesk.awaitType("offer").path("offerKind").asText()).isEqualTo("TRANSFER");
                routing.accepted(chat.chatId(), offerId, "agent2", "Bruno Costa", OfferKind.TRANSFER, requestId,
                        "agent1");

                assertThat(contact.awaitItem(4).path("text").asText()).isEqualTo("Bruno Costa joined");
                JsonNode away = contact.awaitItem(5);
                assertThat(away.path("notice").asText()).isEqualTo("TRANSFERRED");
                assertThat(away.path("text").asText()).isEqualTo("Alice Martin transferred the chat to Bruno Costa");
                // The fields a page words it from in its own language.
                assertThat(away.path("name").asText()).isEqualTo("Alice Martin");
                assertThat(away.path("toName").asText()).isEqualTo("Bruno Costa");
                aliceDesk.awaitItem(5);

                Chats.awaitPresent(bruno, chat.chatId(), "agent2");
                brunoDesk.send(Map.of("type", "resume", "chatId", chat.chatId(), "afterSeq", 0));
                assertThat(brunoDesk.awaitItem(3).path("text").asText()).isEqualTo("I need the sales team");
                brunoDesk.awaitItem(5);

                Chats.say(bruno, chat.chatId(), "Bruno from sales here").statusCode(201);
                assertThat(contact.awaitItem(6).path("authorName").asText()).isEqualTo("Bruno Costa");
                // Alice left: she gets nothing after her own leave notice and cannot act any more.
                Chats.say(alice, chat.chatId(), "still here?").statusCode(403);
                assertThat(aliceDesk.itemSeqs(chat.chatId())).doesNotContain(6L);
            }
            var view = as(bruno).get("/api/chats/{id}", chat.chatId()).then().statusCode(200).extract().jsonPath();
            assertThat(view.getString("ownerAgentId")).isEqualTo("agent2");
            List<String> participantEvents = events.await(chat.chatId(), "chat.participant", 4);
            assertThat(participantEvents).anySatisfy(v -> assertThat(PublishedEvents.data(v).path("change").asText())
                    .isEqualTo("TRANSFERRED_AWAY"));
            participantEvents.forEach(v -> assertThat(EventSchema.violations(v)).isEmpty());
        }
    }

    @Test
    void aTransferToAnotherQueueMakesItTheChatsQueue() {
        var chat = activeChat("Queue Transfer", List.of());
        as(alice).get("/api/chats/{id}", chat.chatId()).then().body("queue", equalTo("general"));
        String requestId = as(alice).body(Map.of("targetType", "QUEUE", "targetId", "sales"))
                .post("/api/chats/{id}/transfer", chat.chatId()).then().statusCode(202).extract().path("requestId");
        String offerId = routing.offered(chat.chatId(), "agent2", "Bruno Costa", OfferKind.TRANSFER, requestId,
                "agent1");
        routing.accepted(chat.chatId(), "sales", offerId, "agent2", "Bruno Costa", OfferKind.TRANSFER, requestId,
                "agent1");
        Chats.awaitPresent(bruno, chat.chatId(), "agent2");
        as(bruno).get("/api/chats/{id}", chat.chatId()).then().statusCode(200)
                .body("queue", equalTo("sales")).body("ownerAgentId", equalTo("agent2"));
        as(bruno).get("/api/chats").then().statusCode(200)
                .body("find { it.chatId == '" + chat.chatId() + "' }.queue", equalTo("sales"));
    }

    @Test
    void aFailedTransferIsReportedToTheRequester() {
        var chat = activeChat("Failing Transfer", List.of());
        String requestId = as(alice).body(Map.of("targetType", "QUEUE", "targetId", "nowhere"))
                .post("/api/chats/{id}/transfer", chat.chatId()).then().statusCode(202).extract().path("requestId");
        try (Socket aliceDesk = Socket.open(base, "/ws/agent", alice)) {
            // A notice goes to the sockets open at that moment: the desk is registered once the server answered a
            // frame (opening alone raced with the consumer: the notice was sent before the desk was there).
            aliceDesk.send(Map.of("type", "nonsense"));
            aliceDesk.awaitType("error");
            routing.failed(chat.chatId(), requestId, "agent1", "No agent ready in nowhere");
            JsonNode failed = aliceDesk.awaitType("request-failed");
            assertThat(failed.path("requestId").asText()).isEqualTo(requestId);
            assertThat(failed.path("reason").asText()).isEqualTo("No agent ready in nowhere");
        }
        // The chat's contactId is the one history-service files the contact under (the desk's History tab).
        as(alice).get("/api/chats/{id}", chat.chatId()).then().body("ownerAgentId", equalTo("agent1"))
                .body("contactId", equalTo(chat.contactId()));
        // A desk that opens later (the one that was away, or reloaded) is told again; nobody else is.
        JsonNode replayed = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> failureToldAtOpening(alice, requestId), Optional::isPresent).orElseThrow();
        assertThat(replayed.path("chatId").asText()).isEqualTo(chat.chatId());
        assertThat(replayed.path("reason").asText()).isEqualTo("No agent ready in nowhere");
        assertThat(failureToldAtOpening(bruno, requestId)).isEmpty();
        // Once the chat is finished there is nothing left to transfer: not told again.
        as(alice).post("/api/chats/{id}/finish", chat.chatId()).then().statusCode(204);
        assertThat(failureToldAtOpening(alice, requestId)).isEmpty();
    }

    /** The request-failed frame a desk opened now gets for {@code requestId}, by the time it answered a frame. */
    private Optional<JsonNode> failureToldAtOpening(String token, String requestId) {
        try (Socket desk = Socket.open(base, "/ws/agent", token)) {
            desk.send(Map.of("type", "nonsense"));
            desk.awaitType("error");
            return desk.frames().stream().filter(f -> "request-failed".equals(f.path("type").asText())
                    && requestId.equals(f.path("requestId").asText())).findFirst();
        }
    }

    @Test
    void conferenceGuestJoinsSeesEveryoneAndLeavesWithoutEndingTheChat() {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var chat = activeChat("Conference Contact", List.of());
            String requestId = as(alice).body(Map.of("targetType", "SUPERVISOR", "targetId", "supervisor1"))
                    .post("/api/chats/{id}/conference", chat.chatId()).then().statusCode(202)
                    .extract().path("requestId");
            assertThat(events.awaitData(chat.chatId(), "chat.conference.requested").path("targetType").asText())
                    .isEqualTo("SUPERVISOR");
            String offerId = routing.offered(chat.chatId(), "supervisor1", "Sam Taylor", OfferKind.CONFERENCE,
                    requestId, "agent1");
            routing.accepted(chat.chatId(), offerId, "supervisor1", "Sam Taylor", OfferKind.CONFERENCE, requestId,
                    "agent1");
            Chats.awaitPresent(sam, chat.chatId(), "supervisor1");

            try (Socket contact = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken())) {
                contact.send(Map.of("type", "resume", "afterSeq", 3));
                Chats.say(sam, chat.chatId(), "Sam here, supervising").statusCode(201);
                assertThat(contact.awaitItem(4).path("authorName").asText()).isEqualTo("Sam Taylor");
                as(sam).post("/api/chats/{id}/leave", chat.chatId()).then().statusCode(204);
                assertThat(contact.awaitItem(5).path("text").asText()).isEqualTo("Sam Taylor left");
            }
            // Alice owns the chat: she finishes or transfers, she does not just leave.
            as(alice).post("/api/chats/{id}/leave", chat.chatId()).then().statusCode(409);
            Chats.awaitState(alice, chat.chatId(), "ACTIVE");
            Chats.say(alice, chat.chatId(), "Still with you").statusCode(201);
            Chats.say(sam, chat.chatId(), "me again").statusCode(403);
            assertThat(events.await(chat.chatId(), "chat.participant", 4).stream()
                    .map(v -> PublishedEvents.data(v).path("change").asText()))
                    .contains("CONFERENCE_JOINED", "LEFT");
        }
    }

    @Test
    void transcriptCanBeSentNow() {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var chat = activeChat("Transcript Contact", List.of());
            String requestId = as(alice).post("/api/chats/{id}/transcript", chat.chatId()).then().statusCode(202)
                    .extract().path("requestId");
            JsonNode requested = events.awaitData(chat.chatId(), "transcript.requested");
            assertThat(requested.path("requestId").asText()).isEqualTo(requestId);
            assertThat(requested.path("requestedBy").asText()).isEqualTo("agent1");
            as(bruno).post("/api/chats/{id}/transcript", chat.chatId()).then().statusCode(403);
        }
    }
}
