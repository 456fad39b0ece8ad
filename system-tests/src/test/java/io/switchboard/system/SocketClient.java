package io.switchboard.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.events.Events;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket client that keeps every JSON frame it receives, so a test can wait for the one it expects. */
final class SocketClient implements WebSocket.Listener, AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private SocketClient(HttpClient client, URI uri, String token) {
        this.socket = client.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .buildAsync(uri, this).orTimeout(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    static SocketClient connect(HttpClient client, String httpBaseUrl, String path, String token) {
        return new SocketClient(client, URI.create(httpBaseUrl.replaceFirst("^http", "ws") + path), token);
    }

    void send(Object frame) {
        try {
            socket.sendText(Events.json().writeValueAsString(frame), true).join();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** The first frame received so far that matches, or null. */
    JsonNode find(Predicate<JsonNode> match) {
        return frames.stream().filter(match).findFirst().orElse(null);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(Events.json().readTree(partial.toString()));
            } catch (IOException e) {
                throw new AssertionError("server sent a frame that is not JSON: " + partial, e);
            } finally {
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
