package io.switchboard.session.live;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The sockets open on this instance. Only delivery uses it; who may see what is always decided from the database. */
@ApplicationScoped
public class LocalSockets {

    private final Map<String, SocketSession> sessions = new ConcurrentHashMap<>();

    public void add(SocketSession session) {
        sessions.put(session.id(), session);
    }

    public void remove(String connectionId) {
        sessions.remove(connectionId);
    }

    public SocketSession get(String connectionId) {
        return sessions.get(connectionId);
    }

    public Collection<SocketSession> all() {
        return sessions.values();
    }

    /** The contact's sockets of this chat. */
    public List<SocketSession> contactOf(String chatId) {
        return sessions.values().stream()
                .filter(s -> s.caller().isContact() && chatId.equals(s.caller().chatId())).toList();
    }

    public List<SocketSession> ofParticipant(String participantId) {
        return sessions.values().stream().filter(s -> participantId.equals(s.caller().id())).toList();
    }

    public boolean isEmpty() {
        return sessions.isEmpty();
    }
}
