package io.switchboard.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.events.Events;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A WebSocket that behaves like the pages' sockets: when it closes or breaks it connects again after a pause, and on
 * every (re)connection {@code onOpen} runs, where the owner sends its {@code resume} frames from the last seq it has.
 * Frames go to {@code onFrame} one at a time, in arrival order.
 */
final class ReconnectingSocket implements WebSocket.Listener, AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final HttpClient client;
    private final URI uri;
    private final String token;
    private final Ledger ledger;
    private final Runnable onOpen;
    private final Consumer<JsonNode> onFrame;
    /** One thread per socket: reconnecting and onOpen never block the HTTP client's threads. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "socket");
        thread.setDaemon(true);
        return thread;
    });
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile boolean closed;
    private volatile int lastCloseCode;

    ReconnectingSocket(HttpClient client, String gatewayUrl, String path, String token, Ledger ledger,
                       Runnable onOpen, Consumer<JsonNode> onFrame) {
        this.client = client;
        this.uri = URI.create(gatewayUrl.replaceFirst("^http", "ws") + path);
        this.token = token;
        this.ledger = ledger;
        this.onOpen = onOpen;
        this.onFrame = onFrame;
    }

    ReconnectingSocket open() {
        worker.execute(this::connect);
        return this;
    }

    boolean isOpen() {
        return socket != null;
    }

    int lastCloseCode() {
        return lastCloseCode;
    }

    /** Sends one frame; false when there is no connection right now or the send fails. */
    synchronized boolean send(Object frame) {
        WebSocket current = socket;
        if (current == null) {
            return false;
        }
        try {
            current.sendText(Events.json().writeValueAsString(frame), true)
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            broken(current);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives up on the current connection (e.g. no ack came in time, as a page's watchdog does) and reconnects. */
    void abort() {
        WebSocket current = socket;
        if (current != null) {
            current.abort();
            broken(current);
        }
    }

    private void connect() {
        while (!closed) {
            try {
                client.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT)
                        .header("Authorization", "Bearer " + token)
                        .buildAsync(uri, this).get(CONNECT_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception refused) {
                Pause.of(RECONNECT_PAUSE);
            }
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        partial.setLength(0);
        socket = webSocket;
        webSocket.request(1);
        worker.execute(onOpen);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                onFrame.accept(Events.json().readTree(text));
            } catch (IOException e) {
                ledger.example("a frame that is not JSON: " + text);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        lastCloseCode = statusCode;
        broken(webSocket);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        broken(webSocket);
    }

    private void broken(WebSocket which) {
        synchronized (this) {
            if (socket != which || socket == null) {
                return;
            }
            socket = null;
        }
        if (!closed) {
            ledger.reconnects.incrementAndGet();
            worker.execute(() -> {
                Pause.of(RECONNECT_PAUSE);
                connect();
            });
        }
    }

    @Override
    public void close() {
        closed = true;
        WebSocket current = socket;
        socket = null;
        if (current != null) {
            current.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        worker.shutdownNow();
    }
}
