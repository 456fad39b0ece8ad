package io.switchboard.session.live;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Events;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.domain.Participant;
import io.switchboard.session.frames.CloseCodes;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open socket on this instance: who is on it, which chats it follows and what it has been sent of each. Its send
 * queue is bounded in bytes: a client that does not read fast enough is closed with {@link CloseCodes#TOO_SLOW}
 * rather than held in memory without limit; it resumes from its last seq when it reconnects. Catch-up pages are
 * paced instead: the next page is read once the queue drained, so one socket holds at most the bound plus a page.
 */
public final class SocketSession {

    private final WebSocketConnection connection;
    private final Caller caller;
    private final long maxQueuedBytes;
    private final Runnable onTooSlow;
    private final Map<String, ChatFeed> feeds = new ConcurrentHashMap<>();
    private final Set<String> followed = ConcurrentHashMap.newKeySet();
    private final Set<String> monitored = ConcurrentHashMap.newKeySet();
    private final Queue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Queue<Runnable> onDrained = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean closed;

    SocketSession(WebSocketConnection connection, Caller caller, long maxQueuedBytes, Runnable onTooSlow) {
        this.onTooSlow = onTooSlow;
        this.connection = connection;
        this.caller = caller;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    public Caller caller() {
        return caller;
    }

    public String id() {
        return connection.id();
    }

    /**
     * The client asked for the chat's items after {@code afterSeq}: its feed starts (or restarts) there, with what the
     * database says of the participation (left at some seq, or present).
     */
    ChatFeed resume(String chatId, Participant participation, long afterSeq) {
        ChatFeed feed = feeds.computeIfAbsent(chatId, id -> new ChatFeed(participation.participantId, afterSeq,
                participation.seesWhispers(), participation.observer));
        feed.resumeAfter(afterSeq, participation.leftSeq);
        return feed;
    }

    /** The chat's feed once the client resumed it; live items are not sent before, so they always go out in order. */
    ChatFeed feed(String chatId) {
        return feeds.get(chatId);
    }

    /** @return false when the socket followed the chat already */
    boolean follow(String chatId) {
        return followed.add(chatId);
    }

    /** The socket started monitoring the chat: the monitoring stops when the socket closes. */
    public void monitoring(String chatId) {
        monitored.add(chatId);
    }

    public Set<String> monitoredChats() {
        return monitored;
    }

    /** The socket no longer gets the chat (a supervisor stopped monitoring it); a new resume starts afresh. */
    void unfollow(String chatId) {
        monitored.remove(chatId);
        feeds.remove(chatId);
        followed.remove(chatId);
    }

    Set<String> followedChats() {
        return followed;
    }

    void closed() {
        closed = true;
        checkDrained();
    }

    /** The client went away: nothing sent to it arrives any more. */
    public boolean isClosed() {
        return closed;
    }

    public void send(Object frame) {
        sendText(json(frame));
    }

    static String json(Object frame) {
        try {
            return Events.json().writeValueAsString(frame);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write frame " + frame, e);
        }
    }

    /**
     * Queues a frame. Frames leave strictly in the order they were queued, one write at a time: writes started from
     * different threads could otherwise overtake each other on the wire. A socket that closed meanwhile is skipped
     * (its client resumes when it comes back).
     */
    void sendText(String text) {
        if (closed || closing.get()) {
            return;
        }
        // Characters, not bytes: a bound, not an account; encoding each frame twice would cost more than it tells.
        if (queuedBytes.addAndGet(text.length()) > maxQueuedBytes) {
            tooSlow();
            return;
        }
        pending.add(text);
        writeNext();
    }

    /**
     * A frame of a catch-up page: not held to the bound (a resume page may exceed it) but paced, as the catch-up
     * reads its next page only once the queue {@link #drained drained}.
     */
    void sendPaced(String text) {
        if (closed || closing.get()) {
            return;
        }
        queuedBytes.addAndGet(text.length());
        pending.add(text);
        writeNext();
    }

    /** Completes, on the caller's context, once at most half the bound waits (or the socket closed). */
    Uni<Void> drained() {
        Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> {
            onDrained.add(() -> {
                if (context == null) {
                    emitter.complete(null);
                } else {
                    context.runOnContext(ignored -> emitter.complete(null));
                }
            });
            checkDrained();
        });
    }

    private void checkDrained() {
        if (queuedBytes.get() > maxQueuedBytes / 2 && !closed && !closing.get()) {
            return;
        }
        Runnable waiting;
        while ((waiting = onDrained.poll()) != null) {
            waiting.run();
        }
    }

    private void tooSlow() {
        if (closing.compareAndSet(false, true)) {
            Log.infof("socket %s of %s closed: more than %d bytes waited for it", id(), caller.id(), maxQueuedBytes);
            onTooSlow.run();
            pending.clear();
            checkDrained();
            connection.close(CloseCodes.TOO_SLOW).subscribe().with(ignored -> { }, failure ->
                    Log.debugf("close of %s: %s", id(), failure.getMessage()));
        }
    }

    private void writeNext() {
        while (writing.compareAndSet(false, true)) {
            String next = pending.poll();
            if (next == null) {
                writing.set(false);
                if (pending.isEmpty()) {
                    return;
                }
                continue; // queued between the poll and the reset: this thread writes it
            }
            if (closing.get() || !connection.isOpen()) {
                pending.clear();
                writing.set(false);
                return;
            }
            connection.sendText(next).subscribe().with(ignored -> written(next), failure -> {
                Log.debugf("frame to %s not sent: %s", connection.id(), failure.getMessage());
                written(next);
            });
            return;
        }
    }

    private void written(String frame) {
        queuedBytes.addAndGet(-frame.length());
        writing.set(false);
        writeNext();
        checkDrained();
    }
}
