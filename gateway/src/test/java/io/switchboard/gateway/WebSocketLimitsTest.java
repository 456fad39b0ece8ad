package io.switchboard.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a handshake gets when it cannot be tunnelled, with small limits so they are reached: a clear problem, never a
 * hang, and the slot always comes back. Also: a quiet socket is not closed by the gateway's idle timeout.
 */
@QuarkusTest
@WithTestResource(TestOrigin.class)
@TestProfile(WebSocketLimitsTest.SmallLimits.class)
class WebSocketLimitsTest {

    static final int MAX_TUNNELS = 4;
    /** Longer than the pooled client's idle timeout below (1 s), which used to close quiet tunnels. */
    private static final long QUIET_MILLIS = 3_000;
    private static final long SLOT_POLL_MILLIS = 50;

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "switchboard.gateway.websockets.max-tunnels", Integer.toString(MAX_TUNNELS),
                    "switchboard.gateway.websockets.handshake-timeout", "1s",
                    "switchboard.gateway.client.idle-timeout", "1s",
                    // An upgrade to a service that is down (the test origin's workflow port has no listener).
                    "switchboard.gateway.routes.workflow.prefixes", "/api/workflow,/ws-down");
        }
    }

    @BeforeEach
    void noTunnelLeftOpen() throws InterruptedException {
        awaitOpenTunnels(0);
    }

    @Test
    void aServiceThatNeverAnswersGetsA503ProblemAndTheSlotsComeBack() throws Exception {
        // Twice as many silent handshakes as there are slots, in two rounds: the second round finds slots again.
        for (int round = 0; round < 2; round++) {
            List<CompletableFuture<TestSockets.Refusal>> silent = new ArrayList<>();
            for (int i = 0; i < MAX_TUNNELS; i++) {
                silent.add(CompletableFuture.supplyAsync(() -> refused(TestWebSocketOrigin.SILENT_PATH + "/c1")));
            }
            for (CompletableFuture<TestSockets.Refusal> answer : silent) {
                TestSockets.Refusal refusal = answer.get(TestSockets.WAIT_SECONDS, TimeUnit.SECONDS);
                assertThat(refusal.status()).isEqualTo(503);
                assertThat(refusal.header("Content-Type")).isEqualTo("application/problem+json");
                assertThat(refusal.header("Retry-After")).isNotBlank();
                assertThat(new JsonObject(refusal.body()).getString("type"))
                        .isEqualTo("https://switchboard.dev/problems/websocket-handshake-timeout");
            }
            awaitOpenTunnels(0);
        }
        TestSockets.Open socket = TestSockets.openNow("/ws/agent");
        socket.greetedAndEchoes("after the silence");
        socket.close();
    }

    @Test
    void beyondTheLimitA503ProblemUntilASocketCloses() throws Exception {
        List<TestSockets.Open> full = new ArrayList<>();
        for (int i = 0; i < MAX_TUNNELS; i++) {
            full.add(TestSockets.openNow("/ws/agent"));
        }
        TestSockets.Refusal refusal = TestSockets.upgradeRefused("/ws/agent");
        assertThat(refusal.status()).isEqualTo(503);
        assertThat(refusal.header("Retry-After")).isNotBlank();
        assertThat(new JsonObject(refusal.body()).getString("type"))
                .isEqualTo("https://switchboard.dev/problems/too-many-websockets");
        // The sockets already open are untouched.
        for (TestSockets.Open socket : full) {
            socket.greetedAndEchoes("still open");
        }

        full.remove(0).close();
        awaitOpenTunnels(MAX_TUNNELS - 1);
        TestSockets.Open again = TestSockets.openNow("/ws/agent");
        again.greetedAndEchoes("a slot came back");
        full.add(again);
        for (TestSockets.Open socket : full) {
            socket.close();
        }
    }

    @Test
    void aBrowserThatGivesUpBeforeTheAnswerFreesItsSlot() throws Exception {
        for (int i = 0; i < 2 * MAX_TUNNELS; i++) {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.getOutputStream().write(("GET " + TestWebSocketOrigin.SILENT_PATH + "/c1" + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
        }
        awaitOpenTunnels(0);
        TestSockets.Open socket = TestSockets.openNow("/ws/agent");
        socket.greetedAndEchoes("after the quitters");
        socket.close();
    }

    @Test
    void aRefusalByTheServiceReachesTheBrowserAsItWas() throws Exception {
        TestSockets.Refusal refusal = TestSockets.upgradeRefused(TestWebSocketOrigin.REFUSING_PATH + "/c1");
        assertThat(refusal.status()).isEqualTo(403);
        assertThat(refusal.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(refusal.body()).isEqualTo(TestWebSocketOrigin.REFUSAL_BODY);
    }

    @Test
    void anUnreachableServiceIsABadGatewayProblem() throws Exception {
        TestSockets.Refusal refusal = TestSockets.upgradeRefused("/ws-down/x");
        assertThat(refusal.status()).isEqualTo(502);
        assertThat(refusal.header("Content-Type")).isEqualTo("application/problem+json");
        JsonObject problem = new JsonObject(refusal.body());
        assertThat(problem.getString("type")).isEqualTo("https://switchboard.dev/problems/service-unavailable");
        assertThat(problem.getString("detail")).contains("workflow");
    }

    @Test
    void aQuietSocketOutlivesThePooledConnectionsIdleTimeout() throws Exception {
        TestSockets.Open socket = TestSockets.openNow("/ws/contact/quiet");
        assertThat(socket.next()).startsWith("protocols:");
        Thread.sleep(QUIET_MILLIS);
        socket.echoes("still open after a quiet spell");
        socket.close();
    }

    private static TestSockets.Refusal refused(String path) {
        try {
            return TestSockets.upgradeRefused(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closing is asynchronous (browser → gateway → origin and back): waits until the gauge shows it. */
    private static void awaitOpenTunnels(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TestSockets.WAIT_SECONDS);
        while (openTunnels() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("open tunnels never became " + expected);
            }
            Thread.sleep(SLOT_POLL_MILLIS);
        }
    }

    private static int openTunnels() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("switchboard_gateway_websockets_open"))
                .map(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no switchboard_gateway_websockets_open in /q/metrics"));
    }
}
