package io.switchboard.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends chat messages over one socket the way the pages do: a message stays pending until its {@code ack}; when
 * the socket is down, no ack comes in time, or an {@code error} frame with a temporary code arrives, the same frame
 * (same clientMessageId, so the server applies it once) is sent again after a pause.
 */
final class Acks {

    /** Error codes that mean "not now": what the server answers while its database or broker is away. */
    static final Set<String> TEMPORARY_CODES = Set.of("internal", "unavailable", "rate-limited");
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
    private final Ledger ledger;

    Acks(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Routes ack and error frames to the waiting senders; false for any other frame. */
    boolean onFrame(JsonNode frame) {
        String type = frame.path("type").asText();
        String id = frame.path("clientMessageId").asText(null);
        if (id == null || !("ack".equals(type) || "error".equals(type))) {
            return false;
        }
        CompletableFuture<Long> waiting = pending.get(id);
        if (waiting != null) {
            if ("ack".equals(type)) {
                waiting.complete(frame.path("seq").asLong());
            } else {
                waiting.completeExceptionally(new Refused(frame.path("code").asText(), frame.path("message").asText()));
            }
        }
        return true;
    }

    /**
     * Sends until acked (returns the seq), refused for good (returns -1 and records it), or the patience is over
     * (returns -1; the message counts as sent and not acked).
     */
    long send(ReconnectingSocket socket, String chatId, String clientMessageId, String text, Duration patience) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "message");
        frame.put("chatId", chatId);
        frame.put("clientMessageId", clientMessageId);
        frame.put("text", text);
        ledger.sent.incrementAndGet();
        long deadline = System.nanoTime() + patience.toNanos();
        boolean first = true;
        while (System.nanoTime() < deadline) {
            if (!first) {
                ledger.resent.incrementAndGet();
            }
            first = false;
            CompletableFuture<Long> ack = new CompletableFuture<>();
            pending.put(clientMessageId, ack);
            try {
                if (!socket.send(frame)) {
                    Pause.of(RETRY_PAUSE);
                    continue;
                }
                return ack.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                ledger.count("ws:no ack in " + ACK_TIMEOUT.toSeconds() + " s");
                socket.abort();
            } catch (ExecutionException e) {
                Refused refused = (Refused) e.getCause();
                if (!TEMPORARY_CODES.contains(refused.code)) {
                    ledger.rejected.put(chatId + "/" + clientMessageId, refused.code + ": " + refused.getMessage());
                    return -1;
                }
                ledger.temporarySocketError(refused.code);
                Pause.of(RETRY_PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            } finally {
                pending.remove(clientMessageId, ack);
            }
        }
        ledger.example("no ack within " + patience + " for " + chatId + "/" + clientMessageId);
        return -1;
    }

    static final class Refused extends Exception {
        final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
