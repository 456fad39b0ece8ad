package io.switchboard.session.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.switchboard.events.Events;
import io.switchboard.session.support.Broker;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.Routing;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A load harness, not a test: contacts post chat messages over their sockets at a fixed rate (open model: each send
 * at its due time whatever the replies) and the agents' sockets receive them. Prints the achieved rate, the
 * contact→agent latency percentiles, lost/duplicated/reordered items and the process CPU per message (generator
 * included: it runs in the same JVM). Runs only when asked:
 * {@code mvn -pl session-service -am verify -Dtest=MessageLoadBench -Dsurefire.failIfNoSpecifiedTests=false
 * -DskipITs -Dbench.rate=150 -Dbench.seconds=40 [-Dbench.jfr=/tmp/x.jfr]}
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench.rate", matches = "\\d+")
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class MessageLoadBench {

    private static final int CHATS = Integer.getInteger("bench.chats", 40);
    private static final int AGENTS = Integer.getInteger("bench.agents", 8);
    private static final int RATE = Integer.getInteger("bench.rate", 150);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 40);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 10);
    /** Items 1 and 2 are the join notices; the load's messages start at 3. */
    private static final long FIRST_MESSAGE_SEQ = 3;

    @TestHTTPResource("/")
    URI base;

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger reordered = new AtomicInteger();
    private final Map<String, Long> lastSeq = new ConcurrentHashMap<>();

    @Test
    void load() throws Exception {
        WorkflowStub.reset();
        Chats.awaitReady();
        Routing routing = new Routing(Broker.companion());
        List<WebSocketClientConnection> agents = new ArrayList<>();
        for (int a = 0; a < AGENTS; a++) {
            agents.add(connect("/ws/agent", Tokens.agent("bench-agent" + a, "Agent " + a), true));
        }
        List<String> chatIds = new ArrayList<>();
        List<WebSocketClientConnection> contacts = new ArrayList<>();
        for (int c = 0; c < CHATS; c++) {
            var chat = Chats.request("Contact " + c, "c" + c + "@example.com", List.of());
            String agentId = "bench-agent" + (c % AGENTS);
            routing.assign(chat.chatId(), agentId, "Agent " + (c % AGENTS));
            chatIds.add(chat.chatId());
            contacts.add(connect("/ws/contact/" + chat.chatId(), chat.contactToken(), false));
        }
        for (int c = 0; c < CHATS; c++) {
            String agentToken = Tokens.agent("bench-agent" + (c % AGENTS), "Agent " + (c % AGENTS));
            Chats.awaitState(agentToken, chatIds.get(c), "ACTIVE");
            agents.get(c % AGENTS).sendTextAndAwait(json(Map.of("type", "resume", "chatId", chatIds.get(c),
                    "afterSeq", FIRST_MESSAGE_SEQ - 1)));
            contacts.get(c).sendTextAndAwait(json(Map.of("type", "resume", "afterSeq", FIRST_MESSAGE_SEQ - 1)));
        }

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long total = (long) RATE * SECONDS;
        long warmup = (long) RATE * WARMUP_SECONDS;
        long start = System.nanoTime();
        long cpuAtWindow = 0;
        jdk.jfr.Recording recording = null;
        long nanosAtWindow = 0;
        for (long i = 0; i < total; i++) {
            long due = start + i * TimeUnit.SECONDS.toNanos(1) / RATE;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (i == warmup) {
                recording = startRecording();
                cpuAtWindow = os.getProcessCpuTime();
                nanosAtWindow = System.nanoTime();
            }
            int c = (int) (i % CHATS);
            String id = "b-" + i;
            if (i >= warmup) {
                sentAt.put(id, due);
            }
            contacts.get(c).sendText(json(Map.of("type", "message", "clientMessageId", id, "text",
                    "load message " + i))).subscribe().with(x -> { }, f -> { });
        }
        long sendEnd = System.nanoTime();
        // CPU is counted until the window's messages arrived: a backlog worked off after the sends costs too.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (receivedAt.size() < sentAt.size() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long cpuAtEnd = os.getProcessCpuTime();
        long drained = System.nanoTime();
        if (recording != null) {
            recording.stop();
            recording.dump(java.nio.file.Path.of(System.getProperty("bench.jfr")));
        }
        long[] latencies = sentAt.entrySet().stream().filter(e -> receivedAt.containsKey(e.getKey()))
                .mapToLong(e -> receivedAt.get(e.getKey()) - e.getValue()).sorted().toArray();
        long window = sentAt.size();
        double seconds = (sendEnd - nanosAtWindow) / 1e9;
        System.out.printf("BENCH chats=%d agents=%d offered=%d/s window=%d msgs in %.1fs received=%d lost=%d "
                        + "dup=%d reordered=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms "
                        + "cpu=%.0f%% of a core, %.3f ms cpu/msg received (whole JVM, generator included)%n",
                CHATS, AGENTS, RATE, window, seconds, latencies.length, window - latencies.length,
                duplicates.get(), reordered.get(), pct(latencies, 50), pct(latencies, 95), pct(latencies, 99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6,
                100.0 * (cpuAtEnd - cpuAtWindow) / (drained - nanosAtWindow),
                (cpuAtEnd - cpuAtWindow) / 1e6 / Math.max(1, latencies.length));
        contacts.forEach(WebSocketClientConnection::closeAndAwait);
        agents.forEach(WebSocketClientConnection::closeAndAwait);
    }

    /** @param agent only the agents' sockets measure: the contact's socket also gets its own messages back */
    private WebSocketClientConnection connect(String path, String token, boolean agent) {
        return BasicWebSocketConnector.create().baseUri(base).path(path)
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .addHeader("Authorization", "Bearer " + token)
                .onTextMessage((c, text) -> {
                    if (agent) {
                        received(text);
                    }
                })
                .connectAndAwait();
    }

    private void received(String text) {
        long now = System.nanoTime();
        JsonNode frame;
        try {
            frame = Events.json().readTree(text);
        } catch (Exception e) {
            return;
        }
        if (!"item".equals(frame.path("type").asText())) {
            return;
        }
        JsonNode item = frame.path("item");
        String id = item.path("clientMessageId").asText(null);
        if (id == null || !"CONTACT".equals(item.path("authorRole").asText())) {
            return;
        }
        long seq = item.path("seq").asLong();
        Long before = lastSeq.put(frame.path("chatId").asText(), seq);
        if (before != null && seq != before + 1) {
            reordered.incrementAndGet();
        }
        if (receivedAt.putIfAbsent(id, now) != null) {
            duplicates.incrementAndGet();
        }
    }

    /** With {@code -Dbench.jfr=file.jfr}: a JFR profile of the measured window only. */
    private static jdk.jfr.Recording startRecording() {
        if (System.getProperty("bench.jfr") == null) {
            return null;
        }
        try {
            var recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
            return recording;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }

    private static String json(Object frame) {
        try {
            return Events.json().writeValueAsString(frame);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
