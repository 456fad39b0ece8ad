package io.switchboard.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load measurement, not a test (its name keeps it out of surefire): thousands of WebSockets held through the
 * packaged gateway, then a burst of concurrent handshakes on top, then one echo on every socket; first, as the
 * floor of the same run, the same burst and echo straight to the origin. Three processes on
 * one machine: this one (the load and the echoing origin), and the gateway started from its jar. Run it with
 * {@code gateway/websocket-load.sh} (docs/frontends.md, "Sockets through the gateway").
 *
 * <p>Arguments: held sockets, burst size, gateway jar. Every figure counts failures and hangs (no answer at all);
 * a hang is what the issue "Staying power" was about.
 */
public final class WebSocketLoad {

    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(60);
    private static final int OPENING_CONCURRENCY = 500;

    private WebSocketLoad() {
    }

    record Outcome(List<WebSocket> opened, List<Long> micros, int failed, int hung, long wallMillis) {
    }

    public static void main(String[] args) throws Exception {
        int held = Integer.parseInt(args[0]);
        int burst = Integer.parseInt(args[1]);
        Path jar = Path.of(args[2]);

        Vertx vertx = Vertx.vertx();
        int originPort = TestWebSocketOrigin.start(vertx);
        int gatewayPort = freePort();
        Process gateway = startGateway(jar, gatewayPort, originPort);
        try {
            awaitReady(gatewayPort);
            WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setMaxConnections(held + burst + 1)
                    .setConnectTimeout(Math.toIntExact(ANSWER_LIMIT.toMillis())));

            // The floor, in the same run: the same burst and echo straight to the origin, without the gateway.
            Outcome bareBurst = open(client, originPort, burst, burst, "/ws/contact/floor");
            report("floor: burst straight to the origin", burst, bareBurst);
            Outcome bareEcho = echoAll(bareBurst.opened());
            report("floor: echo straight from the origin", bareBurst.opened().size(), bareEcho);
            closeAll(bareBurst.opened());

            Outcome hold = open(client, gatewayPort, held, OPENING_CONCURRENCY, "/ws/agent");
            report("held sockets (" + OPENING_CONCURRENCY + " handshakes in flight)", held, hold);

            Outcome spike = open(client, gatewayPort, burst, burst, "/ws/contact/burst");
            report("burst on top of them (all at once)", burst, spike);

            List<WebSocket> all = new ArrayList<>(hold.opened());
            all.addAll(spike.opened());
            Outcome echo = echoAll(all);
            report("echo on every open socket", all.size(), echo);

            closeAll(all);
            Outcome after = open(client, gatewayPort, 1, 1, "/ws/agent");
            report("a new socket after closing them all", 1, after);
        } finally {
            gateway.destroy();
            gateway.waitFor(10, TimeUnit.SECONDS);
            vertx.close();
        }
    }

    /** Closes and waits until every close completed, so the descriptors are free for what follows. */
    private static void closeAll(List<WebSocket> sockets) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(sockets.size());
        for (WebSocket socket : sockets) {
            socket.close().onComplete(done -> closed.countDown());
        }
        closed.await(ANSWER_LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Opens count sockets with at most inFlight handshakes unanswered at a time. */
    private static Outcome open(WebSocketClient client, int port, int count, int inFlight, String path)
            throws InterruptedException {
        ConcurrentLinkedQueue<WebSocket> opened = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(count);
        long begin = System.nanoTime();
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            if (started.getAndIncrement() >= count) {
                return;
            }
            long t0 = System.nanoTime();
            client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(path)
                            .addSubProtocol(TestOrigin.SUB_PROTOCOL))
                    .onComplete(result -> {
                        micros.add((System.nanoTime() - t0) / 1_000);
                        if (result.succeeded()) {
                            opened.add(result.result());
                        } else {
                            failed.incrementAndGet();
                        }
                        answered.countDown();
                        next[0].run();
                    });
        };
        for (int i = 0; i < Math.min(inFlight, count); i++) {
            next[0].run();
        }
        answered.await(ANSWER_LIMIT.toSeconds() * Math.max(1, count / inFlight), TimeUnit.SECONDS);
        int hung = (int) answered.getCount();
        return new Outcome(new ArrayList<>(opened), new ArrayList<>(micros), failed.get(), hung,
                (System.nanoTime() - begin) / 1_000_000);
    }

    /** Sends one text on every socket at once and waits for each echo (the origin greets first; it is skipped). */
    private static Outcome echoAll(List<WebSocket> sockets) throws InterruptedException {
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        CountDownLatch echoed = new CountDownLatch(sockets.size());
        AtomicInteger wrong = new AtomicInteger();
        long begin = System.nanoTime();
        for (int i = 0; i < sockets.size(); i++) {
            WebSocket socket = sockets.get(i);
            String text = "ping-" + i;
            long t0 = System.nanoTime();
            socket.textMessageHandler(message -> {
                if (message.startsWith("echo:")) {
                    if (!message.equals("echo:" + text)) {
                        wrong.incrementAndGet();
                    }
                    micros.add((System.nanoTime() - t0) / 1_000);
                    echoed.countDown();
                }
            });
            socket.writeTextMessage(text);
        }
        echoed.await(ANSWER_LIMIT.toSeconds(), TimeUnit.SECONDS);
        return new Outcome(List.of(), new ArrayList<>(micros), wrong.get(), (int) echoed.getCount(),
                (System.nanoTime() - begin) / 1_000_000);
    }

    private static void report(String what, int attempted, Outcome outcome) {
        List<Long> sorted = new ArrayList<>(outcome.micros());
        Collections.sort(sorted);
        System.out.printf("%-48s %6d attempted, %6d ok, %4d failed, %4d hung, %6d ms wall;"
                        + " answer p50 %s p95 %s p99 %s max %s%n",
                what, attempted, attempted - outcome.failed() - outcome.hung(), outcome.failed(), outcome.hung(),
                outcome.wallMillis(), ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 1.0));
    }

    private static String ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return String.format("%.1fms", sorted.get(Math.max(0, index)) / 1000.0);
    }

    private static Process startGateway(Path jar, int port, int originPort) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("SESSION_URL", "http://127.0.0.1:" + originPort);
        File log = jar.getParent().getParent().resolve("websocket-load-gateway.log").toFile();
        builder.redirectErrorStream(true).redirectOutput(log);
        System.out.println("gateway on :" + port + " (log " + log + "), origin on :" + originPort);
        return builder.start();
    }

    private static void awaitReady(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        long deadline = System.nanoTime() + ANSWER_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the gateway did not become ready");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
