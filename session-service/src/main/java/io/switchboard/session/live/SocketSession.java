package io.switchboard.session.live;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.switchboard.events.Events;
import io.switchboard.session.chat.Caller;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/** One open socket on this instance: who is on it and what it has been sent of each chat. */
public final class SocketSession {

    private final WebSocketConnection connection;
    private final Caller caller;
    private final Map<String, ChatFeed> feeds = new ConcurrentHashMap<>();
    private final Queue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    public SocketSession(WebSocketConnection connection, Caller caller) {
        this.connection = connection;
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

    public String id() {
        return connection.id();
    }

    /** The client asked for the chat's items after {@code afterSeq}: its feed starts (or restarts) there. */
    ChatFeed resume(String chatId, long afterSeq) {
        ChatFeed feed = feeds.computeIfAbsent(chatId, id -> new ChatFeed(afterSeq));
        feed.resumeAfter(afterSeq);
        return feed;
    }

    /** The chat's feed once the client resumed it; live items are not sent before, so they always go out in order. */
    ChatFeed feed(String chatId) {
        return feeds.get(chatId);
    }

    /**
     * Queues a frame. Frames leave strictly in the order they were queued, one write at a time: writes started from
     * different threads could otherwise overtake each other on the wire. A socket that closed meanwhile is skipped
     * (its client resumes when it comes back).
     */
    public void send(Object frame) {
        try {
            pending.add(Events.json().writeValueAsString(frame));
        } catch (Exception e) {
            throw new IllegalStateException("cannot write frame " + frame, e);
        }
        writeNext();
    }

    private void writeNext() {
        if (!writing.compareAndSet(false, true)) {
            return;
        }
        String next = pending.poll();
        if (next == null || !connection.isOpen()) {
            if (next == null) {
                writing.set(false);
                if (!pending.isEmpty()) {
                    writeNext();
                }
            } else {
                pending.clear();
                writing.set(false);
            }
            return;
        }
        connection.sendText(next).subscribe().with(ignored -> written(), failure -> {
            Log.debugf("frame to %s not sent: %s", connection.id(), failure.getMessage());
            written();
        });
    }

    private void written() {
        writing.set(false);
        writeNext();
    }
}
