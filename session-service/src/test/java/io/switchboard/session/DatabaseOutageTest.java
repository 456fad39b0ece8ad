package io.switchboard.session;

import static io.restassured.RestAssured.given;
import static io.switchboard.session.support.Chats.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.Socket;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.ProxiedDatabaseInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * While the database is away, session-service says "try again" — 503 unavailable with Retry-After over REST, the
 * unavailable error frame with retryAfterSeconds on a socket, readiness DOWN — and once it is back, the same messages
 * sent again with their clientMessageId are stored once each. The database is cut through a proxy of the test's own.
 */
@QuarkusTest
@WithTestResource(value = ProxiedDatabaseInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class DatabaseOutageTest {

    static final Duration OUTAGE_NOTICED = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI base;

    @Test
    void whileTheDatabaseIsAwayEverySendIsToldToTryAgainAndNothingIsLostOrDoubled() {
        var chat = Chats.request("Outage Visitor", "outage@example.com", List.of());
        try (Socket contact = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken());
             Socket second = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken())) {
            contact.send(Map.of("type", "resume", "afterSeq", 0));
            contact.awaitItem(1);

            ProxiedDatabaseInfrastructure.cutDatabase();
            try {
                await().atMost(OUTAGE_NOTICED).until(() -> given().get("/q/health/ready").statusCode() == 503);
                Chats.send(chat.contactToken(), chat.chatId(), Map.of("clientMessageId", "rest-1", "text", "by REST"))
                        .statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", "2")
                        .body("type", org.hamcrest.Matchers.equalTo("https://switchboard.dev/problems/unavailable"));
                contact.send(Map.of("type", "message", "clientMessageId", "ws-1", "text", "by socket"));
                JsonNode refused = contact.awaitType("error");
                assertThat(refused.path("code").asText()).isEqualTo("unavailable");
                assertThat(refused.path("clientMessageId").asText()).isEqualTo("ws-1");
                assertThat(refused.path("retryAfterSeconds").asLong()).isEqualTo(2);
                // A socket that resumes now (a desk just back, an agent who just accepted) is not refused: its
                // resume waits for the database, and the socket then follows the chat as if nothing happened.
                second.send(Map.of("type", "resume", "afterSeq", 0));
                // A socket that cannot be opened now is closed with "try again later": the client reconnects.
                try (Socket third = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken())) {
                    assertThat(third.awaitCloseCode()).isEqualTo(1013);
                }
            } finally {
                ProxiedDatabaseInfrastructure.restoreDatabase();
            }

            await().atMost(OUTAGE_NOTICED).until(() -> given().get("/q/health/ready").statusCode() == 200);
            second.awaitItem(1);
            // The clients send again what was refused, with the same ids; a second resend changes nothing.
            await().atMost(OUTAGE_NOTICED).until(() -> Chats.send(chat.contactToken(), chat.chatId(),
                    Map.of("clientMessageId", "rest-1", "text", "by REST")).extract().statusCode() == 201);
            contact.send(Map.of("type", "message", "clientMessageId", "ws-1", "text", "by socket"));
            contact.awaitType("ack");
            contact.send(Map.of("type", "message", "clientMessageId", "ws-1", "text", "by socket"));
            // and it follows the chat live: the message sent after the outage reaches it too
            second.await(frame -> "item".equals(frame.path("type").asText())
                    && "by socket".equals(frame.path("item").path("text").asText()));
        }
        List<String> texts = as(chat.contactToken()).get("/api/chats/{id}/timeline", chat.chatId()).then()
                .statusCode(200).extract().path("items.text");
        assertThat(texts.stream().filter("by REST"::equals)).hasSize(1);
        assertThat(texts.stream().filter("by socket"::equals)).hasSize(1);
    }
}
