package io.switchboard.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A minimal RFC 6455 WebSocket server on a plain TCP server. Vert.x' own WebSocket server cannot serve here: Quarkus
 * sets {@code vertx.disableWebsockets} in this JVM (the gateway has no WebSocket endpoint of its own), and Vert.x
 * reads it once for every HTTP server of the JVM — exactly the production condition the proxy must cope with.
 * Answers the upgrade with the first offered sub-protocol, sends "protocols:&lt;Sec-WebSocket-Protocol&gt;", then echoes
 * small text frames with "echo:". Two paths misbehave on purpose: {@value #SILENT_PATH}... never answers the upgrade,
 * {@value #REFUSING_PATH}... refuses it with a 403 problem.
 */
final class TestWebSocketOrigin {

    static final String SILENT_PATH = "/ws/silent";
    static final String REFUSING_PATH = "/ws/refuse";
    static final String REFUSAL_BODY = "{\"status\":403,\"title\":\"Forbidden\"}";
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final long START_TIMEOUT_SECONDS = 10;
    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_CLOSE = 0x8;
    private static final int FIN = 0x80;
    private static final int MASKED = 0x80;
    private static final int LENGTH_16_BIT = 126;
    private static final int MASK_LENGTH = 4;

    private TestWebSocketOrigin() {
    }

    static int start(Vertx vertx) {
        NetServer server = vertx.createNetServer().connectHandler(TestWebSocketOrigin::serve);
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("WebSocket origin did not start", e);
        }
    }

    private static void serve(NetSocket socket) {
        Buffer[] pending = {Buffer.buffer()};
        boolean[] upgraded = {false};
        socket.handler(chunk -> {
            pending[0].appendBuffer(chunk);
            if (!upgraded[0]) {
                String text = pending[0].toString(StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                if (end < 0) {
                    return;
                }
                upgraded[0] = true;
                pending[0] = pending[0].getBuffer(end + 4, pending[0].length());
                String path = text.substring(0, text.indexOf("\r\n")).split(" ")[1];
                if (path.startsWith(SILENT_PATH)) {
                    return;
                }
                if (path.startsWith(REFUSING_PATH)) {
                    socket.end(Buffer.buffer("HTTP/1.1 403 Forbidden\r\nContent-Type: application/problem+json\r\n"
                            + "Content-Length: " + REFUSAL_BODY.length() + "\r\n\r\n" + REFUSAL_BODY));
                    return;
                }
                handshake(socket, headers(text.substring(0, end)));
            }
            pending[0] = readFrames(socket, pending[0]);
        });
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static void handshake(NetSocket socket, Map<String, String> headers) {
        String protocols = headers.get("Sec-WebSocket-Protocol");
        StringBuilder response = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Accept: ").append(accept(headers.get("Sec-WebSocket-Key"))).append("\r\n");
        if (protocols != null) {
            response.append("Sec-WebSocket-Protocol: ").append(protocols.split(",")[0].trim()).append("\r\n");
        }
        socket.write(response.append("\r\n").toString());
        socket.write(textFrame("protocols:" + protocols));
    }

    /** Consumes the complete frames at the start of the buffer; returns what is left. */
    private static Buffer readFrames(NetSocket socket, Buffer buffer) {
        int offset = 0;
        while (buffer.length() - offset >= 2) {
            int opcode = buffer.getUnsignedByte(offset) & 0x0F;
            int length = buffer.getUnsignedByte(offset + 1) & 0x7F;
            int header = 2;
            if (length == LENGTH_16_BIT) {
                if (buffer.length() - offset < 4) {
                    break;
                }
                length = buffer.getUnsignedShort(offset + 2);
                header = 4;
            }
            if (buffer.length() - offset < header + MASK_LENGTH + length) {
                break;
            }
            byte[] mask = buffer.getBytes(offset + header, offset + header + MASK_LENGTH);
            byte[] payload = buffer.getBytes(offset + header + MASK_LENGTH, offset + header + MASK_LENGTH + length);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % MASK_LENGTH];
            }
            offset += header + MASK_LENGTH + length;
            if (opcode == OPCODE_CLOSE) {
                socket.close();
                return Buffer.buffer();
            }
            if (opcode == OPCODE_TEXT) {
                socket.write(textFrame("echo:" + new String(payload, StandardCharsets.UTF_8)));
            }
        }
        return buffer.getBuffer(offset, buffer.length());
    }

    private static Buffer textFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        Buffer frame = Buffer.buffer().appendByte((byte) (FIN | OPCODE_TEXT));
        if (payload.length < LENGTH_16_BIT) {
            frame.appendByte((byte) payload.length);
        } else {
            frame.appendByte((byte) LENGTH_16_BIT).appendUnsignedShort(payload.length);
        }
        return frame.appendBytes(payload);
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
