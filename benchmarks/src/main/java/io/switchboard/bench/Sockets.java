package io.switchboard.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** Opens WebSockets with a bearer token (Java clients may send the header, docs/api.md) and hands frames on. */
final class Sockets {

    /** A frame and when it arrived (System.nanoTime, taken before parsing). */
    interface FrameHandler {
        void frame(JsonObject frame, long receivedNanos);
    }

    private static final int CONNECT_TIMEOUT_MS = 20_000;
    private static final long WAIT_SECONDS = 30;
    /** One connection per socket: the client must not queue sockets behind a per-host limit. */
    private static final int MAX_CONNECTIONS = 100_000;

    private final WebSocketClient client;

    Sockets(Vertx vertx) {
        client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(MAX_CONNECTIONS)
                .setConnectTimeout(CONNECT_TIMEOUT_MS));
    }

    WebSocket open(String httpBaseUrl, String path, String token, FrameHandler handler,
                   java.util.function.Consumer<WebSocket> onClose) {
        URI uri = URI.create(httpBaseUrl);
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort())
                .setURI(path);
        if (token != null) {
            options.addHeader("Authorization", "Bearer " + token);
        }
        Future<WebSocket> connecting = client.connect(options).onSuccess(ws -> {
            ws.textMessageHandler(text -> {
                long now = System.nanoTime();
                handler.frame(new JsonObject(text), now);
            });
            ws.closeHandler(v -> onClose.accept(ws));
        });
        try {
            return connecting.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open " + httpBaseUrl + path + ": " + e, e);
        }
    }

    void close() {
        client.close();
    }
}
