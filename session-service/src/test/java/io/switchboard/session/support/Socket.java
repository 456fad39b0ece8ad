package io.switchboard.session.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.switchboard.events.Events;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** A real WebSocket client that records every frame it receives. */
public final class Socket implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final AtomicReference<CloseReason> closed = new AtomicReference<>();
    private final WebSocketClientConnection connection;

    private Socket(URI base, String path, String token) {
        // Non-blocking: callbacks run in arrival order on the connection's event loop, so the list keeps that order.
        BasicWebSocketConnector connector = BasicWebSocketConnector.create().baseUri(base).path(path)
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, text) -> frames.add(read(text)))
                .onClose((c, reason) -> closed.set(reason));
        if (token != null) {
            connector.addHeader("Authorization", "Bearer " + token);
        }
        connection = connector.connectAndAwait();
    }

    public static Socket open(URI base, String path, String token) {
        return new Socket(base, path, token);
    }

    public void send(Object frame) {
        try {
            connection.sendTextAndAwait(Events.json().writeValueAsString(frame));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public void sendRaw(String text) {
        connection.sendTextAndAwait(text);
    }

    /** Waits for the first frame (in arrival order) that matches. */
    public JsonNode await(Predicate<JsonNode> match) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        Awaitility.await().atMost(WAIT).until(() -> {
            frames.stream().filter(match).findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    public JsonNode awaitType(String type) {
        return await(f -> type.equals(f.path("type").asText()));
    }

    /** Waits until the item at {@code seq} arrived and returns it. */
    public JsonNode awaitItem(long seq) {
        return await(f -> "item".equals(f.path("type").asText()) && f.path("item").path("seq").asLong() == seq)
                .path("item");
    }

    /** Sequence numbers of all item frames so far, in arrival order (duplicates kept, to be able to see them). */
    public List<Long> itemSeqs(String chatId) {
        List<Long> seqs = new ArrayList<>();
        frames.stream().filter(f -> "item".equals(f.path("type").asText()) && chatId.equals(f.path("chatId").asText()))
                .forEach(f -> seqs.add(f.path("item").path("seq").asLong()));
        return seqs;
    }

    public List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    public int awaitCloseCode() {
        Awaitility.await().atMost(WAIT).until(() -> closed.get() != null);
        return closed.get().getCode();
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.closeAndAwait();
        }
    }

    private static JsonNode read(String text) {
        try {
            return Events.json().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }
}
