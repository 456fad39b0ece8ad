package io.switchboard.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.session.support.Broker;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.RawSocket;
import io.switchboard.session.support.Routing;
import io.switchboard.session.support.Socket;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits of docs/api.md, with a client that behaves like a browser or worse: a message above 64 KiB sent as one
 * frame closes with 1009; a client that does not read does not hold the server's memory: once its bounded send queue
 * is full (65536 bytes in the test profile) it is closed with 4408, and on reconnect it resumes without a gap.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class SocketLimitsTest {

    /** Messages of about 4 KB, posted a batch at a time by a few threads, up to a safety cap. */
    private static final String LINE = "x".repeat(4000);
    private static final int SENDERS = 4;
    private static final int BATCH = 40;
    private static final int MAX_MESSAGES = 4000;

    @TestHTTPResource("/")
    URI base;

    String alice = Tokens.agent("agent1", "Alice Martin");

    @BeforeEach
    void ready() {
        WorkflowStub.reset();
        Chats.awaitReady();
    }

    @Test
    void aMessageAbove64KiBInOneFrameClosesWith1009() throws Exception {
        var chat = Chats.request("Big Frame", "big.frame@example.com", List.of());
        try (RawSocket browser = new RawSocket(base, "/ws/contact/" + chat.chatId(), chat.contactToken())) {
            browser.sendText("{\"type\":\"message\",\"clientMessageId\":\"big\",\"text\":\""
                    + "z".repeat(70_000) + "\"}");
            assertThat(browser.readUntilClose()).isEqualTo(1009);
        }
        Chats.say(chat.contactToken(), chat.chatId(), "after the big frame").statusCode(201);
    }

    @Test
    void aClientThatDoesNotReadIsClosedWith4408AndResumesOnReconnect() throws Exception {
        var chat = Chats.request("Slow Reader", "slow.reader@example.com", List.of());
        new Routing(Broker.companion()).assign(chat.chatId(), "agent1", "Alice Martin");
        Chats.awaitState(alice, chat.chatId(), "ACTIVE");
        double closedBefore = closedTooSlow();

        int sent = 0;
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try (RawSocket slow = new RawSocket(base, "/ws/contact/" + chat.chatId(), chat.contactToken())) {
            slow.sendText("{\"type\":\"resume\",\"afterSeq\":2}");
            // The kernel buffers megabytes of a socket nobody reads before the server's queue fills: post until the
            // server says it closed a socket for slowness, then read what it sent, up to its close frame.
            while (closedTooSlow() == closedBefore && sent < MAX_MESSAGES) {
                List<Future<?>> batch = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    int n = ++sent;
                    batch.add(senders.submit(() -> Chats.say(alice, chat.chatId(), n + " " + LINE)
                            .statusCode(201)));
                }
                for (Future<?> f : batch) {
                    f.get();
                }
            }
            assertThat(slow.readUntilClose()).isEqualTo(4408);
        } finally {
            senders.shutdown();
        }

        // The chat went on meanwhile; a new socket gets all of it, in order, once.
        long last = 2 + sent;
        try (Socket again = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken())) {
            again.send(Map.of("type", "resume", "afterSeq", 0));
            again.awaitItem(last);
            assertThat(again.itemSeqs(chat.chatId()))
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
        }
    }

    private static double closedTooSlow() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("switchboard_session_sockets_closed_too_slow_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
