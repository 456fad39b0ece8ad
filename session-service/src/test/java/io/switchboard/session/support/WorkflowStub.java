package io.switchboard.session.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A tiny HTTP server standing in for workflow-service's {@code GET /api/workflow/options}. Its answer is kept in
 * system properties, which the test and the resource see whatever their class loaders.
 */
public class WorkflowStub implements QuarkusTestResourceLifecycleManager {

    private static final String ANSWER = "switchboard.test.workflow.answer";
    private static final String DOWN = "switchboard.test.workflow.down";
    private static final String LAST_QUERY = "switchboard.test.workflow.last-query";
    private static final String NO_STRATEGY = "{\"applies\":false,\"queues\":[]}";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        reset();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/workflow/options", WorkflowStub::answer);
        server.start();
        return Map.of("switchboard.workflow.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** No workflow strategy applies. */
    public static void reset() {
        System.setProperty(ANSWER, NO_STRATEGY);
        System.setProperty(DOWN, "false");
    }

    /** A strategy applies with these queues. */
    public static void offers(String... queues) {
        StringBuilder json = new StringBuilder("{\"applies\":true,\"queues\":[");
        for (int i = 0; i < queues.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(queues[i])
                    .append("\",\"description\":\"Follow-up in ").append(queues[i]).append("\"}");
        }
        System.setProperty(ANSWER, json.append("]}").toString());
    }

    /** Connections are dropped without an answer, like a service that went away. */
    public static void down(boolean down) {
        System.setProperty(DOWN, Boolean.toString(down));
    }

    public static String lastQuery() {
        return System.getProperty(LAST_QUERY, "");
    }

    private static void answer(HttpExchange exchange) throws IOException {
        System.setProperty(LAST_QUERY, String.valueOf(exchange.getRequestURI().getRawQuery()));
        if (Boolean.parseBoolean(System.getProperty(DOWN))) {
            exchange.close();
            return;
        }
        byte[] body = System.getProperty(ANSWER, NO_STRATEGY).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
