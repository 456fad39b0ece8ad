package io.switchboard.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOrigin.class)
class GatewayProxyTest {

    private static final long WAIT_SECONDS = 10;

    @Test
    void forwardsRequestsWithMethodPathQueryHeadersAndBody() {
        given().header("Authorization", "Bearer abc").contentType("application/json").body("{\"state\":\"READY\"}")
                .when().put("/api/routing/agents/me/state?reason=x")
                .then().statusCode(200)
                .header("X-Origin", "test-origin")
                .body("method", equalTo("PUT"))
                .body("uri", equalTo("/api/routing/agents/me/state?reason=x"))
                .body("authorization", equalTo("Bearer abc"))
                .body("body", equalTo("{\"state\":\"READY\"}"));
    }

    @Test
    void aPrefixWithoutTrailingPathIsForwardedToo() {
        given().contentType("application/json").body("{}")
                .when().post("/api/routing")
                .then().statusCode(200).body("uri", equalTo("/api/routing"));
    }

    @Test
    void theLongestPrefixWinsWhateverTheOrderOfTheConfiguration() {
        // /ws/routing belongs to routing-service (the supervisors' live board), although /ws goes to session-service.
        given().when().get("/ws/routing/board")
                .then().statusCode(200).header("X-Origin", "test-origin").body("uri", equalTo("/ws/routing/board"));
    }

    @Test
    void forwardsWebSocketsWithTheBrowserTokenSubProtocol() throws Exception {
        // What a browser sends: the token rides in the sub-protocol list (docs/api.md, "Identity").
        // RestAssured knows the port of the running app (the port is random: quarkus.http.test-port=0).
        String carrier = URLEncoder.encode("quarkus-http-upgrade#Authorization#Bearer tok.en", StandardCharsets.UTF_8);
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols(TestOrigin.SUB_PROTOCOL, carrier)
                .buildAsync(URI.create("ws://localhost:" + RestAssured.port + "/ws/contact/c1"),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                received.add(data.toString());
                                return WebSocket.Listener.super.onText(ws, data, last);
                            }
                        })
                .exceptionally(failure -> {
                    if (failure.getCause() instanceof WebSocketHandshakeException rejected) {
                        throw new AssertionError("upgrade refused: HTTP " + rejected.getResponse().statusCode()
                                + " " + rejected.getResponse().headers().map() + " " + rejected.getResponse().body());
                    }
                    throw new AssertionError(failure);
                })
                .get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(socket.getSubprotocol()).isEqualTo(TestOrigin.SUB_PROTOCOL);
        // The origin speaks first, right after the upgrade: nothing may be lost in the tunnel.
        assertThat(received.poll(WAIT_SECONDS, TimeUnit.SECONDS))
                .isEqualTo("protocols:" + TestOrigin.SUB_PROTOCOL + ", " + carrier);
        socket.sendText("{\"type\":\"resume\",\"afterSeq\":0}", true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(received.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("echo:{\"type\":\"resume\",\"afterSeq\":0}");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void anApiPathNoServiceServesIsANotFoundProblem() {
        given().when().get("/api/nothing-here/1")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.dev/problems/not-found"))
                .body("instance", equalTo("/api/nothing-here/1"));
    }

    @Test
    void aServiceThatIsDownIsABadGatewayProblem() {
        given().when().get("/api/workflow/strategy")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.dev/problems/service-unavailable"))
                .body("detail", containsString("workflow"));
    }

    @Test
    void theGatewayKeepsItsOwnHealthAndServesThePagesWithSecurityHeaders() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        for (String page : List.of("/", "/agent/", "/supervisor/")) {
            given().when().get(page)
                    .then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer");
        }
    }
}
