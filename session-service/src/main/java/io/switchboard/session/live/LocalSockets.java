package io.switchboard.session.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.websockets.next.WebSocketConnection;
import io.switchboard.session.SessionConfig;
import io.switchboard.session.chat.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sockets open on this instance, indexed by connection, by participant and by chat, so that a delivery touches
 * only the sockets it is for (no scan over all of them) and a record of a chat nobody here follows is skipped from its
 * key. A socket follows a chat once it resumed it, or joined it while open; the contact's socket follows its chat
 * from the start.
 */
// Created at start so that its gauge (sockets open) is exposed before the first socket.
@Startup
@ApplicationScoped
public class LocalSockets {

    private final Map<String, SocketSession> byConnection = new ConcurrentHashMap<>();
    private final Map<String, Set<SocketSession>> byParticipant = new ConcurrentHashMap<>();
    private final Map<String, Set<SocketSession>> byChat = new ConcurrentHashMap<>();

    static final String SOCKETS_OPEN = "switchboard.session.sockets.open";

    private final long maxQueuedBytes;
    private final Counter closedTooSlow;

    public LocalSockets(SessionConfig config, MeterRegistry registry) {
        this.maxQueuedBytes = config.socketMaxQueuedBytes();
        this.closedTooSlow = Counter.builder("switchboard.session.sockets.closed.too.slow")
                .description("Sockets closed with 4408: their client read too slowly").register(registry);
        Gauge.builder(SOCKETS_OPEN, byConnection, Map::size).description("WebSockets open on this instance")
                .register(registry);
    }

    /** A socket opened by a caller whose token was verified. */
    public SocketSession open(WebSocketConnection connection, Caller caller) {
        SocketSession session = new SocketSession(connection, caller, maxQueuedBytes, closedTooSlow::increment);
        add(session);
        return session;
    }

    private void add(SocketSession session) {
        byConnection.put(session.id(), session);
        index(byParticipant, session.caller().id(), session);
        if (session.caller().isContact()) {
            follow(session, session.caller().chatId());
        }
    }

    public void remove(String connectionId) {
        SocketSession session = byConnection.remove(connectionId);
        if (session == null) {
            return;
        }
        session.closed();
        unindex(byParticipant, session.caller().id(), session);
        session.followedChats().forEach(chatId -> unindex(byChat, chatId, session));
    }

    /** How many sockets the participant holds open on this instance. */
    public int countOf(String participantId) {
        return ofParticipant(participantId).size();
    }

    public SocketSession get(String connectionId) {
        return byConnection.get(connectionId);
    }

    /** The socket gets the chat's live items and frames from now on. */
    void follow(SocketSession session, String chatId) {
        if (!session.follow(chatId)) {
            return;
        }
        index(byChat, chatId, session);
        if (session.isClosed()) {
            // Closed while it was being added: remove() may have run before the index had it.
            unindex(byChat, chatId, session);
        }
    }

    void unfollow(SocketSession session, String chatId) {
        session.unfollow(chatId);
        unindex(byChat, chatId, session);
    }

    /** The sockets that follow the chat. */
    Set<SocketSession> ofChat(String chatId) {
        return byChat.getOrDefault(chatId, Set.of());
    }

    /** Microsecond-cheap: whether any socket here follows the chat (a record of another chat is skipped). */
    boolean followsChat(String chatId) {
        return chatId != null && byChat.containsKey(chatId);
    }

    Set<SocketSession> ofParticipant(String participantId) {
        return byParticipant.getOrDefault(participantId, Set.of());
    }

    boolean hasParticipant(String participantId) {
        return participantId != null && byParticipant.containsKey(participantId);
    }

    private static void index(Map<String, Set<SocketSession>> index, String key, SocketSession session) {
        index.compute(key, (k, set) -> {
            Set<SocketSession> sessions = set == null ? ConcurrentHashMap.newKeySet() : set;
            sessions.add(session);
            return sessions;
        });
    }

    private static void unindex(Map<String, Set<SocketSession>> index, String key, SocketSession session) {
        index.computeIfPresent(key, (k, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }
}
