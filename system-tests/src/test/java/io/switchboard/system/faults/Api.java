package io.switchboard.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.events.Events;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * JSON over HTTP through the gateway, as the pages use it, including what a page does during an outage: an answer
 * that says "try again" (429, 502 from the gateway while a service is down, 503 {@code unavailable}, 504) or a
 * broken connection is retried after a pause until the deadline, with the same body (so the same
 * clientMessageId); everything else is returned to the caller.
 */
final class Api {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration DEFAULT_PAUSE = Duration.ofSeconds(1);
    private static final Set<Integer> TEMPORARY = Set.of(429, 502, 503, 504);

    private final HttpClient client;
    private final String baseUrl;
    private final Ledger ledger;

    Api(HttpClient client, String baseUrl, Ledger ledger) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.ledger = ledger;
    }

    Reply get(String path, String token, Duration patience) {
        return call("GET", path, token, null, patience);
    }

    Reply post(String path, String token, Object body, Duration patience) {
        return call("POST", path, token, body, patience);
    }

    Reply put(String path, String token, Object body, Duration patience) {
        return call("PUT", path, token, body, patience);
    }

    /** One call, retried while the answer is temporary and the patience lasts; the last answer otherwise. */
    Reply call(String method, String path, String token, Object body, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Reply reply = once(method, path, token, body);
            if (!reply.temporary() || System.nanoTime() > deadline) {
                return reply;
            }
            ledger.temporaryRestAnswer(reply.status() == 0 ? "connection" : Integer.toString(reply.status()));
            Pause.of(reply.retryAfter().orElse(DEFAULT_PAUSE));
        }
    }

    private Reply once(String method, String path, String token, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            String json = body == null ? "{}" : Events.json().writeValueAsString(body);
            builder.method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After").map(Api::seconds).orElse(null));
        } catch (IOException e) {
            return new Reply(0, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_PAUSE;
        }
    }

    record Reply(int status, String body, Duration retryAfterValue) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** No answer at all (status 0: connection refused or reset) or an answer that says "later". */
        boolean temporary() {
            return status == 0 || TEMPORARY.contains(status);
        }

        java.util.Optional<Duration> retryAfter() {
            return java.util.Optional.ofNullable(retryAfterValue);
        }

        JsonNode json() {
            try {
                return Events.json().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        /** The problem slug of a problem+json answer, e.g. "chat-finished". */
        String problem() {
            try {
                String type = Events.json().readTree(body).path("type").asText();
                return type.substring(type.lastIndexOf('/') + 1);
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }

        Reply expectOk(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + ": HTTP " + status + " " + body);
            }
            return this;
        }
    }
}
