package io.switchboard.session.ws;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ParticipantRole;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.frames.CloseCodes;
import io.switchboard.session.live.LocalSockets;
import io.switchboard.session.live.SocketSession;
import io.switchboard.session.supervision.Monitoring;
import java.util.Optional;

/**
 * The supervisor view's socket: the frames of the agent socket for the chats a supervisor monitors or joined, but no
 * offers and no desktop presence, so opening the supervisor view never makes routing offer chats to it.
 */
@WebSocket(path = "/ws/supervisor")
public class SupervisorSocket {

    private final SocketAuthenticator authenticator;
    private final LocalSockets sockets;
    private final FrameHandler frames;
    private final SocketAdmission admission;
    private final Monitoring monitoring;

    public SupervisorSocket(SocketAuthenticator authenticator, LocalSockets sockets, FrameHandler frames,
                            SocketAdmission admission, Monitoring monitoring) {
        this.authenticator = authenticator;
        this.sockets = sockets;
        this.frames = frames;
        this.admission = admission;
        this.monitoring = monitoring;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        Optional<SocketAuthenticator.Authenticated> authenticated = authenticator.authenticate(connection);
        if (authenticated.isEmpty()) {
            return connection.close(CloseCodes.UNAUTHORIZED);
        }
        Caller caller = authenticated.get().caller();
        if (caller.role() != ParticipantRole.SUPERVISOR) {
            return connection.close(CloseCodes.FORBIDDEN);
        }
        if (admission.full(caller)) {
            return connection.close(CloseCodes.TOO_MANY_SOCKETS);
        }
        admission.closeAtExpiry(connection, authenticated.get().expiresAt());
        sockets.open(connection, caller);
        return Uni.createFrom().voidItem();
    }

    @OnTextMessage
    public Uni<Void> message(String text, WebSocketConnection connection) {
        SocketSession session = sockets.get(connection.id());
        return session == null ? Uni.createFrom().voidItem() : frames.handle(session, null, text);
    }

    @OnError
    public Uni<Void> failure(Throwable failure, WebSocketConnection connection) {
        return connection.close(CloseCodes.forFailure(failure));
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        admission.closed(connection.id());
        SocketSession session = sockets.get(connection.id());
        sockets.remove(connection.id());
        if (session != null) {
            monitoring.socketClosed(session.caller(), session.monitoredChats());
        }
    }
}
