package io.switchboard.session.ws;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.switchboard.session.chat.Caller;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.live.LocalSockets;
import io.switchboard.session.live.SocketSession;
import io.switchboard.session.frames.CloseCodes;

import java.util.Optional;

/** The contact's socket: one chat, opened by that chat's contact token. */
@WebSocket(path = "/ws/contact/{chatId}")
public class ContactSocket {

    private final SocketAuthenticator authenticator;
    private final LocalSockets sockets;
    private final FrameHandler frames;
    private final Transactions tx;

    public ContactSocket(SocketAuthenticator authenticator, LocalSockets sockets, FrameHandler frames,
                         Transactions tx) {
        this.authenticator = authenticator;
        this.sockets = sockets;
        this.frames = frames;
        this.tx = tx;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        String chatId = connection.pathParam("chatId");
        Optional<Caller> caller = authenticator.authenticate(connection);
        if (caller.isEmpty()) {
            return connection.close(CloseCodes.UNAUTHORIZED);
        }
        if (!caller.get().isContact() || !chatId.equals(caller.get().chatId())) {
            return connection.close(CloseCodes.FORBIDDEN);
        }
        return tx.read(() -> Chat.<Chat>findById(chatId)).chain(chat -> {
            if (chat == null) {
                return connection.close(CloseCodes.UNKNOWN_CHAT);
            }
            sockets.open(connection, caller.get());
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
        return CloseCodes.isOversized(failure) ? connection.close(CloseCodes.TOO_LARGE)
                : connection.close(CloseReason.INTERNAL_SERVER_ERROR);
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        sockets.remove(connection.id());
    }
}
