package io.switchboard.session.ws;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.switchboard.session.SessionConfig;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.frames.CloseCodes;
import io.switchboard.session.live.LocalSockets;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may keep a socket open, and for how long: a participant holds a bounded number of sockets per instance, and a
 * socket lives no longer than the token that opened it (a revoked or expired agent must not go on reading chats).
 */
@ApplicationScoped
public class SocketAdmission {

    private final LocalSockets sockets;
    private final Vertx vertx;
    private final int maxPerParticipant;
    private final Map<String, Long> expiryTimers = new ConcurrentHashMap<>();

    public SocketAdmission(LocalSockets sockets, Vertx vertx, SessionConfig config) {
        this.sockets = sockets;
        this.vertx = vertx;
        this.maxPerParticipant = config.maxSocketsPerParticipant();
    }

    /** Whether the caller already holds as many sockets here as it may. */
    public boolean full(Caller caller) {
        return sockets.countOf(caller.id()) >= maxPerParticipant;
    }

    /** Closes the socket with {@link CloseCodes#TOKEN_EXPIRED} when its token's lifetime ends. */
    public void closeAtExpiry(WebSocketConnection connection, Instant expiresAt) {
        long delay = Math.max(1, Duration.between(Instant.now(), expiresAt).toMillis());
        long timer = vertx.setTimer(delay, id -> {
            expiryTimers.remove(connection.id());
            if (connection.isOpen()) {
                connection.close(CloseCodes.TOKEN_EXPIRED).subscribe().with(ignored -> { },
                        failure -> Log.debugf("socket %s not closed at expiry: %s", connection.id(),
                                failure.getMessage()));
            }
        });
        expiryTimers.put(connection.id(), timer);
    }

    /** The socket closed: its expiry timer goes with it. */
    public void closed(String connectionId) {
        Long timer = expiryTimers.remove(connectionId);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }
}
