package io.switchboard.session.ws;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.switchboard.session.call.CallDisconnects;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.frames.CloseCodes;
import io.switchboard.session.live.LocalSockets;
import io.switchboard.session.live.Offers;
import io.switchboard.session.live.SocketSession;
import io.switchboard.session.presence.DesktopPresence;
import io.switchboard.session.supervision.Monitoring;
import java.util.Optional;

/** The agent's desktop socket: offers, and every chat the agent takes part in (frames name their chat). */
@WebSocket(path = "/ws/agent")
public class AgentSocket {

    private final SocketAuthenticator authenticator;
    private final LocalSockets sockets;
    private final FrameHandler frames;
    private final Offers offers;
    private final SocketAdmission admission;
    private final DesktopPresence presence;
    private final Monitoring monitoring;
    private final CallDisconnects callDisconnects;

    public AgentSocket(SocketAuthenticator authenticator, LocalSockets sockets, FrameHandler frames, Offers offers,
                       SocketAdmission admission, DesktopPresence presence, Monitoring monitoring,
                       CallDisconnects callDisconnects) {
        this.callDisconnects = callDisconnects;
        this.monitoring = monitoring;
        this.presence = presence;
        this.admission = admission;
        this.offers = offers;
        this.authenticator = authenticator;
        this.sockets = sockets;
        this.frames = frames;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        Optional<SocketAuthenticator.Authenticated> authenticated = authenticator.authenticate(connection);
        if (authenticated.isEmpty()) {
            return connection.close(CloseCodes.UNAUTHORIZED);
        }
        Caller caller = authenticated.get().caller();
        if (!caller.isAgent()) {
            return connection.close(CloseCodes.FORBIDDEN);
        }
        if (admission.full(caller)) {
            return connection.close(CloseCodes.TOO_MANY_SOCKETS);
        }
        admission.closeAtExpiry(connection, authenticated.get().expiresAt());
        SocketSession session = sockets.open(connection, caller);
        presence.opened(caller.id());
        return offers.replay(session);
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
            // Only sockets that were admitted counted towards the agent's presence.
            presence.closed(session.caller().id());
            monitoring.socketClosed(session.caller(), session.monitoredChats());
            callDisconnects.socketClosed(session.caller());
        }
    }
}
