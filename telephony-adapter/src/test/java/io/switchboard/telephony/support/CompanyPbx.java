package io.switchboard.telephony.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The company's PBX as the adapter sees it: a real HTTP server (Vert.x, on a free port) with an Asterisk-ARI-like
 * originate endpoint, {@code POST /ari/channels?endpoint=PJSIP/<extension>&extension=<number>&channelId=<request>}.
 * It records every request it gets and answers each one as the test scripted for that request id (200 with a
 * channel id when nothing was scripted). As a test resource it configures the adapter to call it.
 */
public class CompanyPbx implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "switchboard";
    public static final String PASSWORD = "pbx-password";
    public static final String WEBHOOK_SECRET = "webhook-secret-for-tests";
    public static final String CALLBACK = "https://switchboard.example.com/api/telephony/calls/{requestId}/status";
    /** The port is chosen by the resource and shared through a system property (test and app class loaders). */
    private static final String PORT_PROPERTY = "switchboard.test.pbx.port";

    /** One request the PBX received. */
    public record Received(String method, String path, Map<String, String> query, Map<String, String> headers,
                           String body, Instant at) {
    }

    /** How the PBX answers one request: a status, a body and headers, or never (it keeps the request open). */
    public record Reply(int status, String body, Map<String, String> headers, boolean silent) {

        public static Reply ok(String body) {
            return new Reply(200, body, Map.of("Content-Type", "application/json"), false);
        }

        public static Reply status(int status) {
            return new Reply(status, "{\"message\":\"status " + status + "\"}",
                    Map.of("Content-Type", "application/json"), false);
        }

        public static Reply status(int status, String header, String value) {
            return new Reply(status, "", Map.of(header, value), false);
        }

        public static Reply never() {
            return new Reply(0, null, Map.of(), true);
        }
    }

    private static final Map<String, Deque<Reply>> SCRIPTS = new ConcurrentHashMap<>();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static Vertx vertx;

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        String base = "http://127.0.0.1:" + port;
        return Map.ofEntries(
                Map.entry("switchboard.telephony.pbx.url", base
                        + "/ari/channels?endpoint=PJSIP/{agentExtension}&extension={phoneNumber}"
                        + "&channelId={requestId}"),
                Map.entry("switchboard.telephony.pbx.method", "POST"),
                Map.entry("switchboard.telephony.pbx.content-type", "application/json"),
                Map.entry("switchboard.telephony.pbx.body", "{\"variables\":{\"SWITCHBOARD_CHAT\":\"{chatId}\","
                        + "\"SWITCHBOARD_AGENT\":\"{agentId}\",\"CALLBACK\":\"{callbackUrl}\"}}"),
                Map.entry("switchboard.telephony.pbx.auth", "BASIC"),
                Map.entry("switchboard.telephony.pbx.username", USER),
                Map.entry("switchboard.telephony.pbx.password", PASSWORD),
                Map.entry("switchboard.telephony.pbx.agent-extensions.agent1", "201"),
                Map.entry("switchboard.telephony.pbx.agent-extensions.supervisor1", "209"),
                Map.entry("switchboard.telephony.pbx.callback-url", CALLBACK),
                Map.entry("switchboard.telephony.pbx.provider-call-id-pointer", "/id"),
                Map.entry("switchboard.telephony.pbx.request-timeout", "1s"),
                Map.entry("switchboard.telephony.pbx.max-attempts", "3"),
                Map.entry("switchboard.telephony.pbx.initial-back-off", "300ms"),
                Map.entry("switchboard.telephony.pbx.max-back-off", "1s"),
                Map.entry("switchboard.telephony.pbx.max-retry-after", "5s"),
                Map.entry("switchboard.telephony.dialling-timeout", "8s"),
                Map.entry("switchboard.telephony.webhook.secret", WEBHOOK_SECRET));
    }

    @Override
    public void stop() {
        // The server (started by the tests) stops with the JVM.
    }

    /** Starts the PBX's HTTP server on the resource's port (once per JVM). */
    public static synchronized void listen() {
        if (vertx != null) {
            return;
        }
        int port = Integer.parseInt(System.getProperty(PORT_PROPERTY));
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body(body -> {
            Map<String, String> query = new java.util.LinkedHashMap<>();
            request.params().forEach(e -> query.put(e.getKey(), e.getValue()));
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            request.headers().forEach(e -> headers.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
            RECEIVED.add(new Received(request.method().name(), request.path(), query, headers,
                    body.succeeded() ? body.result().toString() : null, Instant.now()));
            answer(request, query.get("channelId"));
        }));
        try {
            server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the PBX cannot listen on " + port, e);
        }
    }

    private static void answer(HttpServerRequest request, String requestId) {
        Deque<Reply> script = requestId == null ? null : SCRIPTS.get(requestId);
        Reply reply = script == null || script.isEmpty() ? null : script.poll();
        if (reply == null) {
            reply = Reply.ok("{\"id\":\"pbx-" + requestId + "\",\"state\":\"Down\"}");
        }
        if (reply.silent()) {
            return;
        }
        reply.headers().forEach(request.response()::putHeader);
        request.response().setStatusCode(reply.status()).end(reply.body() == null ? "" : reply.body());
    }

    /** The PBX answers the next requests for this call id like this, in order; then 200. */
    public static void script(String requestId, Reply... replies) {
        SCRIPTS.put(requestId, new ArrayDeque<>(List.of(replies)));
    }

    /** The requests the PBX got for this call id. */
    public static List<Received> received(String requestId) {
        return RECEIVED.stream().filter(r -> requestId.equals(r.query().get("channelId"))).toList();
    }
}
