package io.switchboard.gateway.proxy;

import io.switchboard.gateway.GatewayProblem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One browser WebSocket passed through to a service: connect, send the upgrade, read the answer, then copy bytes
 * both ways until either side closes. Every way out (browser gone, service unreachable or silent, refusal, either
 * side closing) ends in {@link #finish()}, which closes both connections and gives the tunnel's slot back once.
 * All callbacks run on the event loop of the browser's connection (the service connection is made from it).
 */
final class Tunnel {

    private static final Logger LOG = Logger.getLogger(Tunnel.class);
    private static final String CRLF = "\r\n";
    private static final int BAD_GATEWAY = 502;
    private static final int SERVICE_UNAVAILABLE = 503;
    /** Headers about one hop that must not be copied onto the gateway's own answer. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te",
            "trailer", "transfer-encoding", "upgrade", "content-length");

    private enum Phase { HANDSHAKE, UPGRADING, OPEN, DONE }

    private final WebSocketTunnels tunnels;
    private final HttpServerRequest request;
    private final String service;
    private final String host;
    private final int port;

    private Phase phase = Phase.HANDSHAKE;
    private boolean holdsSlot;
    private long timer = -1;
    private NetSocket origin;
    private NetSocket browser;
    private Buffer received = Buffer.buffer();
    private UpgradeResponseHead head;

    Tunnel(WebSocketTunnels tunnels, HttpServerRequest request, String service, String host, int port) {
        this.tunnels = tunnels;
        this.request = request;
        this.service = service;
        this.host = host;
        this.port = port;
    }

    void start() {
        if (!tunnels.tryAcquire()) {
            phase = Phase.DONE;
            problem(SERVICE_UNAVAILABLE, "too-many-websockets", "Service Unavailable",
                    "the gateway holds its maximum of " + tunnels.maxTunnels() + " WebSockets; try again later");
            return;
        }
        holdsSlot = true;
        // The browser may give up (or be cut off) before the service answers: its slot must come back then too.
        request.response().closeHandler(v -> {
            if (phase == Phase.HANDSHAKE || phase == Phase.UPGRADING) {
                finish();
            }
        });
        timer = tunnels.vertx().setTimer(tunnels.config().handshakeTimeout().toMillis(), id -> {
            timer = -1;
            fail(SERVICE_UNAVAILABLE, "websocket-handshake-timeout", "Service Unavailable", service
                    + "-service did not answer the WebSocket upgrade within " + tunnels.config().handshakeTimeout());
        });
        tunnels.client().connect(port, host).onComplete(connected -> {
            if (connected.failed()) {
                fail(BAD_GATEWAY, "service-unavailable", "Bad Gateway", service + "-service is not reachable");
            } else if (phase != Phase.HANDSHAKE) {
                connected.result().close();
            } else {
                sendUpgrade(connected.result());
            }
        });
    }

    private void sendUpgrade(NetSocket socket) {
        origin = socket;
        socket.handler(this::onHandshakeBytes);
        socket.exceptionHandler(failure -> LOG.debugf(failure, "WebSocket to %s-service failed", service));
        socket.closeHandler(v -> {
            if (phase == Phase.HANDSHAKE) {
                fail(BAD_GATEWAY, "service-unavailable", "Bad Gateway",
                        service + "-service closed the connection before answering the WebSocket upgrade");
            } else {
                finish();
            }
        });
        socket.write(Buffer.buffer(upgradeRequest(), StandardCharsets.ISO_8859_1.name()));
    }

    private String upgradeRequest() {
        StringBuilder head = new StringBuilder("GET ").append(request.uri()).append(" HTTP/1.1").append(CRLF)
                .append(HttpHeaders.HOST).append(": ").append(host).append(':').append(port).append(CRLF);
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey();
            // Browsers may send "Connection: keep-alive, Upgrade"; the service gets the one value it expects.
            if (!name.equalsIgnoreCase(HttpHeaders.HOST.toString())
                    && !name.equalsIgnoreCase(HttpHeaders.CONNECTION.toString())) {
                head.append(name).append(": ").append(header.getValue()).append(CRLF);
            }
        }
        return head.append(HttpHeaders.CONNECTION).append(": ").append(HttpHeaders.UPGRADE).append(CRLF)
                .append(CRLF).toString();
    }

    private void onHandshakeBytes(Buffer chunk) {
        if (phase != Phase.HANDSHAKE) {
            return;
        }
        received.appendBuffer(chunk);
        if (head == null) {
            try {
                head = UpgradeResponseHead.parse(received).orElse(null);
            } catch (IllegalArgumentException malformed) {
                fail(BAD_GATEWAY, "service-unavailable", "Bad Gateway",
                        service + "-service answered the WebSocket upgrade with no HTTP response");
                return;
            }
            if (head == null) {
                if (received.length() > tunnels.config().maxHandshakeResponseBytes()) {
                    fail(BAD_GATEWAY, "service-unavailable", "Bad Gateway",
                            service + "-service answered the WebSocket upgrade with an oversized head");
                }
                return;
            }
            received = head.rest();
        }
        if (head.switchesProtocols()) {
            upgrade();
        } else {
            relayRefusal();
        }
    }

    /** The service accepted: answer the browser with its 101 and join the two connections. */
    private void upgrade() {
        phase = Phase.UPGRADING;
        cancelTimer();
        origin.pause(); // the service may speak first; hold its frames until the browser's side is a socket
        HttpServerResponse response = request.response();
        response.setStatusCode(UpgradeResponseHead.SWITCHING_PROTOCOLS);
        response.headers().addAll(head.headers());
        request.toNetSocket().onComplete(upgraded -> {
            if (upgraded.failed() || phase == Phase.DONE) {
                if (upgraded.succeeded()) {
                    upgraded.result().close();
                }
                finish();
                return;
            }
            join(upgraded.result());
        });
    }

    private void join(NetSocket socket) {
        phase = Phase.OPEN;
        browser = socket;
        if (received.length() > 0) {
            browser.write(received);
        }
        received = null;
        pipe(browser, origin);
        pipe(origin, browser);
        browser.closeHandler(v -> finish());
        origin.closeHandler(v -> finish());
        browser.exceptionHandler(failure -> finish());
        origin.exceptionHandler(failure -> finish());
        origin.resume();
    }

    /** Copies with back-pressure: a slow reader pauses the writer instead of growing the gateway's memory. */
    private static void pipe(NetSocket from, NetSocket to) {
        from.handler(data -> {
            to.write(data);
            if (to.writeQueueFull()) {
                from.pause();
                to.drainHandler(v -> from.resume());
            }
        });
    }

    /** The service refused the upgrade (e.g. 401, 404): the browser gets that answer as it was. */
    private void relayRefusal() {
        String length = head.headers().get(HttpHeaders.CONTENT_LENGTH);
        int bodyLength;
        try {
            bodyLength = length == null ? 0 : Integer.parseInt(length.trim());
        } catch (NumberFormatException e) {
            bodyLength = 0;
        }
        if (received.length() < bodyLength) {
            return; // the rest of the body is on its way
        }
        phase = Phase.DONE;
        HttpServerResponse response = request.response();
        response.setStatusCode(head.status());
        head.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                response.headers().add(header.getKey(), header.getValue());
            }
        });
        Buffer body = received.getBuffer(0, bodyLength);
        finish();
        endQuietly(response, body);
    }

    private void fail(int status, String slug, String title, String detail) {
        if (phase != Phase.HANDSHAKE) {
            return;
        }
        phase = Phase.DONE;
        finish();
        problem(status, slug, title, detail);
    }

    private void problem(int status, String slug, String title, String detail) {
        GatewayProblem problem = GatewayProblem.of(status, slug, title, detail, request.path());
        HttpServerResponse response = request.response();
        if (status == SERVICE_UNAVAILABLE) {
            response.putHeader(HttpHeaders.RETRY_AFTER,
                    Long.toString(tunnels.config().retryAfter().toSeconds()));
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, GatewayProblem.MEDIA_TYPE);
        endQuietly(response, Buffer.buffer(problem.json()));
    }

    /** The browser may be gone already; then there is nobody to answer. */
    private static void endQuietly(HttpServerResponse response, Buffer body) {
        if (!response.closed() && !response.ended()) {
            response.end(body);
        }
    }

    /** Closes both sides and gives the slot back; every path ends here, any number of times. */
    private void finish() {
        phase = Phase.DONE;
        cancelTimer();
        if (origin != null) {
            origin.close();
        }
        if (browser != null) {
            browser.close();
        }
        if (holdsSlot) {
            holdsSlot = false;
            tunnels.release();
        }
    }

    private void cancelTimer() {
        if (timer >= 0) {
            tunnels.vertx().cancelTimer(timer);
            timer = -1;
        }
    }
}
