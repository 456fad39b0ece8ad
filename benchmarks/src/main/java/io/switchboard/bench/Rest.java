package io.switchboard.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** JSON over HTTP for setup and chat requests (the JDK client; the latency path is the WebSockets). */
final class Rest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int FIRST_ERROR_STATUS = 300;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** The answer's JSON body (empty for 204); fails with the status and body when not 2xx. */
    CompletableFuture<JsonObject> send(String method, String url, String token, JsonObject body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() >= FIRST_ERROR_STATUS) {
                throw new RestFailure(response.statusCode(), method + " " + url + " -> " + response.statusCode()
                        + " " + response.body());
            }
            String text = response.body();
            return text == null || text.isBlank() || !text.trim().startsWith("{") ? new JsonObject()
                    : new JsonObject(text);
        });
    }

    JsonObject call(String method, String url, String token, JsonObject body) {
        try {
            return send(method, url, token, body).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    static final class RestFailure extends RuntimeException {
        private final int status;

        RestFailure(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
