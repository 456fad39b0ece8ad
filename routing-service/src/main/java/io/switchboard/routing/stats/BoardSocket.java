package io.switchboard.routing.stats;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.security.BearerToken;
import io.switchboard.kit.security.Roles;
import io.switchboard.routing.RoutingConfig;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The supervisors' live board socket ({@code /ws/routing/board}, docs/api.md): the server pushes {@code board}
 * frames, the client sends nothing. Close codes as on session-service's sockets: 4401 no, bad or expired token
 * (renew and reconnect), 4403 not a supervisor, 1008 more sockets than one supervisor may hold.
 */
@WebSocket(path = "/ws/routing/board")
public class BoardSocket {

    static final CloseReason UNAUTHORIZED = new CloseReason(4401, "no or bad token");
    static final CloseReason TOKEN_EXPIRED = new CloseReason(4401, "token expired");
    static final CloseReason FORBIDDEN = new CloseReason(4403, "supervisors only");
    static final CloseReason TOO_MANY_SOCKETS = new CloseReason(1008, "too many sockets for this supervisor");
    private static final UserData.TypedKey<String> USER = UserData.TypedKey.forString("user");
    private static final String NO_FRAMES = """
            {"type":"error","code":"bad-frame","message":"The board takes no frames; it only pushes."}""";

    private final LiveBoard board;
    private final JWTParser parser;
    private final Vertx vertx;
    private final int maxSocketsPerSupervisor;
    private final Map<String, AtomicInteger> socketsByUser = new ConcurrentHashMap<>();
    private final Map<String, Long> expiryTimers = new ConcurrentHashMap<>();

    public BoardSocket(LiveBoard board, JWTParser parser, Vertx vertx, RoutingConfig config) {
        this.board = board;
        this.parser = parser;
        this.vertx = vertx;
        this.maxSocketsPerSupervisor = config.stats().boardSocketsPerSupervisor();
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        Optional<String> token = BearerToken.of(connection.handshakeRequest().header("Authorization"));
        JsonWebToken jwt;
        try {
            if (token.isEmpty()) {
                return connection.close(UNAUTHORIZED);
            }
            jwt = parser.parse(token.get());
        } catch (ParseException e) {
            Log.debugf("board socket token refused: %s", e.getMessage());
            return connection.close(UNAUTHORIZED);
        }
        if (!jwt.getGroups().contains(Roles.SUPERVISOR)) {
            return connection.close(FORBIDDEN);
        }
        AtomicInteger held = socketsByUser.computeIfAbsent(jwt.getName(), user -> new AtomicInteger());
        if (held.incrementAndGet() > maxSocketsPerSupervisor) {
            held.decrementAndGet();
            return connection.close(TOO_MANY_SOCKETS);
        }
        connection.userData().put(USER, jwt.getName());
        closeAtExpiry(connection, Instant.ofEpochSecond(jwt.getExpirationTime()));
        return board.watch(connection);
    }

    @OnTextMessage
    public Uni<Void> message(String text, WebSocketConnection connection) {
        return connection.sendText(NO_FRAMES);
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        board.unwatch(connection);
        Long timer = expiryTimers.remove(connection.id());
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
        String user = connection.userData().get(USER);
        if (user != null) {
            socketsByUser.computeIfPresent(user, (u, held) -> held.decrementAndGet() <= 0 ? null : held);
        }
    }

    private void closeAtExpiry(WebSocketConnection connection, Instant expiresAt) {
        long delay = Math.max(1, Duration.between(Instant.now(), expiresAt).toMillis());
        expiryTimers.put(connection.id(), vertx.setTimer(delay, id -> {
            expiryTimers.remove(connection.id());
            if (connection.isOpen()) {
                connection.close(TOKEN_EXPIRED).subscribe().with(ignored -> { }, failure -> { });
            }
        }));
    }
}
