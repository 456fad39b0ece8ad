package io.switchboard.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Small real servers standing in for the services behind the gateway, echoing what reached them: routing is an
 * HTTP server, session a WebSocket server ({@link TestWebSocketOrigin}); workflow is a port where nothing listens.
 */
public class TestOrigin implements QuarkusTestResourceLifecycleManager {

    static final String SUB_PROTOCOL = "bearer-token-carrier";
    private static final long START_TIMEOUT_SECONDS = 10;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> request.response()
                        .putHeader("Content-Type", "application/json")
                        .putHeader("X-Origin", "test-origin")
                        .end(echo(request, body.toString()).encode())));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("test origin did not start", e);
        }
        return Map.of(
                "switchboard.gateway.routes.routing.url", "http://127.0.0.1:" + server.actualPort(),
                "switchboard.gateway.routes.session.url", "http://127.0.0.1:" + TestWebSocketOrigin.start(vertx),
                "switchboard.gateway.routes.workflow.url", "http://127.0.0.1:" + closedPort());
    }

    private static JsonObject echo(HttpServerRequest request, String body) {
        return new JsonObject()
                .put("method", request.method().name())
                .put("uri", request.uri())
                .put("authorization", request.getHeader("Authorization"))
                .put("body", body);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
