package io.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** WebSocket clients for the gateway tests: real ones (the JDK's) and a raw upgrade to read refusals as they are. */
final class TestSockets {

    /** Long enough for a loaded machine; only there so that a hang fails the test instead of blocking the build. */
    static final long WAIT_SECONDS = 60;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private TestSockets() {
    }

    /** A connected socket and what the origin sent it, in order. */
    record Open(WebSocket socket, LinkedBlockingQueue<String> received) {

        String next() throws InterruptedException {
            String message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(message).as("a frame from the origin").isNotNull();
            return message;
        }

        /** Reads the origin's greeting, sends a text and expects it echoed. */
        void greetedAndEchoes(String text) throws Exception {
            assertThat(next()).startsWith("protocols:");
            echoes(text);
        }

        void echoes(String text) throws Exception {
            socket.sendText(text, true).get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(next()).isEqualTo("echo:" + text);
        }

        void close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    static CompletableFuture<Open> open(String path) {
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        StringBuilder partial = new StringBuilder();
        return CLIENT.newWebSocketBuilder()
                .subprotocols(TestOrigin.SUB_PROTOCOL)
                .buildAsync(URI.create("ws://localhost:" + RestAssured.port + path), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(partial.toString());
                            partial.setLength(0);
                        }
                        return WebSocket.Listener.super.onText(ws, data, last);
                    }
                })
                .thenApply(socket -> new Open(socket, received));
    }

    static Open openNow(String path) throws Exception {
        return open(path).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The gateway's answer to an upgrade that does not switch protocols. */
    record Refusal(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends a WebSocket upgrade over a plain socket and reads the (non-101) answer to its end. */
    static Refusal upgradeRefused(String path) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(Math.toIntExact(TimeUnit.SECONDS.toMillis(WAIT_SECONDS)));
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            return new Refusal(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                return text.substring(0, text.length() - 4);
            }
        }
    }
}
