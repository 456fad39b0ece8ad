package io.switchboard.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Anonymous chat requests per client address, messages and receipts per participant are rate-limited: the caller over the
 * limit gets 429 problem+json with Retry-After, and nothing of the refused request is stored; others are not held up.
 */
@QuarkusTest
@TestProfile(LimitsTest.TightLimits.class)
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class LimitsTest {

    static final int BURST = 3;

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("switchboard.limits.rules.chat-requests.capacity", String.valueOf(BURST)),
                    Map.entry("switchboard.limits.rules.chat-requests.refill-tokens", "1"),
                    Map.entry("switchboard.limits.rules.chat-requests.refill-period", "1h"),
                    Map.entry("switchboard.limits.rules.messages.capacity", String.valueOf(BURST)),
                    Map.entry("switchboard.limits.rules.messages.refill-tokens", "1"),
                    Map.entry("switchboard.limits.rules.messages.refill-period", "1h"),
                    Map.entry("switchboard.limits.rules.offline-messages.capacity", String.valueOf(BURST)),
                    Map.entry("switchboard.limits.rules.offline-messages.refill-tokens", "1"),
                    Map.entry("switchboard.limits.rules.offline-messages.refill-period", "1h"),
                    Map.entry("switchboard.limits.rules.receipts.capacity", String.valueOf(BURST)),
                    Map.entry("switchboard.limits.rules.receipts.refill-tokens", "1"),
                    Map.entry("switchboard.limits.rules.receipts.refill-period", "1h"));
        }
    }

    @Test
    void aFloodOfChatRequestsFromOneAddressIsRefusedWithRetryAfter() {
        String flooder = "203.0.113.7";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < BURST + 2; i++) {
            statuses.add(request(flooder).then().extract().statusCode());
        }
        assertThat(statuses).containsExactly(201, 201, 201, 429, 429);
        request(flooder).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://switchboard.dev/problems/rate-limited"));
        // Another visitor is served as usual.
        request("198.51.100.20").then().statusCode(201);
    }

    @Test
    void aParticipantSendingTooFastIsRefusedAndTheRefusedMessageIsNotStored() {
        var chat = Chats.request("Fast Typist", "fast@example.com", List.of());
        for (int i = 0; i < BURST; i++) {
            Chats.say(chat.contactToken(), chat.chatId(), "message " + i).statusCode(201);
        }
        Chats.say(chat.contactToken(), chat.chatId(), "one too many").statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        List<String> texts = Chats.as(chat.contactToken()).get("/api/chats/{id}/timeline", chat.chatId()).then()
                .statusCode(200).extract().path("items.text");
        assertThat(texts).doesNotContain("one too many").contains("message 0", "message 1", "message 2");
    }

    @Test
    void receiptsSentTooFastAreRefusedAndTheRefusedOneChangesNothing() {
        var chat = Chats.request("Quick Reader", "quick.reader@example.com", List.of());
        for (int i = 0; i < BURST; i++) {
            Chats.as(chat.contactToken()).body(Map.of("deliveredSeq", 0))
                    .post("/api/chats/{id}/receipts", chat.chatId()).then().statusCode(200);
        }
        Chats.as(chat.contactToken()).body(Map.of("deliveredSeq", 1))
                .post("/api/chats/{id}/receipts", chat.chatId()).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("type", equalTo("https://switchboard.dev/problems/rate-limited"));
        Chats.as(chat.contactToken()).get("/api/chats/{id}", chat.chatId()).then().statusCode(200)
                .body("participants[0].id", equalTo("contact:" + chat.chatId()))
                .body("participants[0].deliveredSeq", equalTo(0));
    }

    @Test
    void aFloodOfMessagesLeftFromOneAddressIsRefusedWithRetryAfter() {
        String flooder = "203.0.113.8";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < BURST + 1; i++) {
            statuses.add(leave(flooder, "Call me back " + i).then().extract().statusCode());
        }
        assertThat(statuses).containsExactly(201, 201, 201, 429);
        leave(flooder, "one too many").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://switchboard.dev/problems/rate-limited"));
        leave("198.51.100.21", "Another visitor").then().statusCode(201);
    }

    private static io.restassured.response.Response leave(String clientAddress, String text) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", clientAddress)
                .body(Map.of("name", "Visitor", "email", "visitor@example.com", "queue", "sales", "text", text))
                .post("/api/offline-messages");
    }

    private static io.restassured.response.Response request(String clientAddress) {
        // The test client is on the loopback address, a trusted proxy: its X-Forwarded-For is the client's address.
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", clientAddress)
                .body(Map.of("name", "Visitor", "email", "visitor@example.com")).post("/api/chats");
    }
}
