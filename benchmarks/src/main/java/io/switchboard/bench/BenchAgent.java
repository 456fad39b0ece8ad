package io.switchboard.bench;

import io.vertx.core.http.WebSocket;

/** One agent of the run: its token, the session-service instance its socket is connected to, and the socket. */
final class BenchAgent {

    final String id;
    final String token;
    final String sessionUrl;
    volatile WebSocket socket;

    BenchAgent(String id, String token, String sessionUrl) {
        this.id = id;
        this.token = token;
        this.sessionUrl = sessionUrl;
    }
}
