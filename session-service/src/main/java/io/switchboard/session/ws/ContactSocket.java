package io.switchboard.session.ws;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.switchboard.session.call.CallDisconnects;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.frames.CloseCodes;
import io.switchboard.session.live.LocalSockets;
import io.switchboard.session.live.SocketSession;
import java.util.Optional;

/** The contact's socket: one chat, opened by that chat's contact token. */
@WebSocket(path = "/ws/contact/{chatId}")
public class ContactSocket {

    private final SocketAuthenticator authenticator;
    private final LocalSockets sockets;
    private final FrameHandler frames;
    private final Transactions tx;
    private final SocketAdmission admission;
    private final CallDisconnects callDisconnects;

    public ContactSocket(SocketAuthenticator authenticator, LocalSockets sockets, FrameHandler frames,
                         Transactions tx, SocketAdmission admission, CallDisconnects callDisconnects) {
        this.callDisconnects = callDisconnects;
        this.admission = admission;
        this.authenticator = authenticator;
        this.sockets = sockets;
        this.frames = frames;
        this.tx = tx;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        String chatId = connection.pathParam("chatId");
        Optional<SocketAuthenticator.Authenticated> authenticated = authenticator.authenticate(connection);
        if (authenticated.isEmpty()) {
            return connection.close(CloseCodes.UNAUTHORIZED);
        }
        Caller caller = authenticated.get().caller();
        if (!caller.isContact() || !chatId.equals(caller.chatId())) {
            return connection.close(CloseCodes.FORBIDDEN);
        }
        if (admission.full(caller)) {
            return connection.close(CloseCodes.TOO_MANY_SOCKETS);
        }
        return tx.read(() -> Chat.<Chat>findById(chatId)).chain(chat -> {
            if (chat == null) {
                return connection.close(CloseCodes.UNKNOWN_CHAT);
            }
            admission.closeAtExpiry(connection, authenticated.get().expiresAt());
            sockets.open(connection, caller);
            return Uni.createFrom().voidItem();
        });
    }

    @OnTextMessage
    public Uni<Void> message(String text, WebSocketConnection connection) {
        SocketSession session = sockets.get(connection.id());
        return session == null ? Uni.createFrom().voidItem()
                : frames.handle(session, connection.pathParam("chatId"), text);
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
            callDisconnects.socketClosed(session.caller());
        }
    }
}
