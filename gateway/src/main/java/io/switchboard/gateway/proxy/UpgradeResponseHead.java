package io.switchboard.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The status line and headers a service answers a WebSocket upgrade with, read off the raw TCP stream, and the
 * bytes that followed them (the first frames, when the service speaks right after the 101).
 */
record UpgradeResponseHead(int status, String reason, MultiMap headers, Buffer rest) {

    static final int SWITCHING_PROTOCOLS = 101;
    private static final String END_OF_HEAD = "\r\n\r\n";
    private static final String LINE_END = "\r\n";

    /**
     * @return the head once all of it arrived, empty while more bytes are needed
     * @throws IllegalArgumentException when the bytes are no HTTP/1.1 response head
     */
    static Optional<UpgradeResponseHead> parse(Buffer received) {
        String text = received.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf(END_OF_HEAD);
        if (end < 0) {
            return Optional.empty();
        }
        String[] lines = text.substring(0, end).split(LINE_END);
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IllegalArgumentException("not an HTTP/1.x response: " + lines[0]);
        }
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad status line: " + lines[0], e);
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("bad header line: " + lines[i]);
            }
            headers.add(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
        }
        String reason = statusLine.length > 2 ? statusLine[2] : "";
        return Optional.of(new UpgradeResponseHead(status, reason, headers,
                received.getBuffer(end + END_OF_HEAD.length(), received.length())));
    }

    boolean switchesProtocols() {
        return status == SWITCHING_PROTOCOLS;
    }
}
