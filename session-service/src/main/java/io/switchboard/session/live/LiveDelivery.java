package io.switchboard.session.live;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.switchboard.session.SessionConfig;
import io.switchboard.session.chat.TimelineItem;
import io.switchboard.session.domain.Participant;
import io.switchboard.session.domain.TimelineEntry;
import io.switchboard.session.frames.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the sockets open on this instance up to date with a chat. A live item comes straight from its event to the
 * sockets whose feed is at the seq before it; the database is read only on resume and when a socket missed something
 * (its feed is further behind), so each socket still gets every item in order, once.
 */
@ApplicationScoped
public class LiveDelivery {

    private final LocalSockets sockets;
    private final LiveReads reads;
    private final int pageMax;

    public LiveDelivery(LocalSockets sockets, LiveReads reads, SessionConfig config) {
        this.sockets = sockets;
        this.reads = reads;
        this.pageMax = config.timelinePageMax();
    }

    /** A committed item, as its event carries it: to the sockets here that follow the chat. */
    public Uni<Void> itemCommitted(String chatId, TimelineItem item) {
        List<Uni<Void>> catchUps = new ArrayList<>();
        String frame = null;
        for (SocketSession session : sockets.ofChat(chatId)) {
            ChatFeed feed = session.feed(chatId);
            if (feed == null) {
                continue;
            }
            if (frame == null) {
                // The same text for every socket: serialised once.
                frame = SocketSession.json(new Frames.Item(chatId, item));
            }
            String text = frame;
            if (feed.live(item, sent -> session.sendText(text))) {
                catchUps.add(catchUp(chatId, session, feed));
            }
        }
        return all(catchUps);
    }

    /** Items up to {@code seq} were committed, but the event does not carry them all: sockets behind read them. */
    public Uni<Void> committedUpTo(String chatId, long seq) {
        List<Uni<Void>> catchUps = new ArrayList<>();
        for (SocketSession session : sockets.ofChat(chatId)) {
            ChatFeed feed = session.feed(chatId);
            if (feed != null && feed.lastSent() < seq && feed.beginCatchUp()) {
                catchUps.add(catchUp(chatId, session, feed));
            }
        }
        return all(catchUps);
    }

    /**
     * The client has everything up to {@code afterSeq}: send the rest, then live items. Items of a chat reach a
     * socket only after it resumed that chat, so they always arrive in order.
     */
    public Uni<Void> resume(SocketSession session, Participant participation, String chatId, long afterSeq) {
        sockets.follow(session, chatId);
        ChatFeed feed = session.resume(chatId, participation, afterSeq);
        return feed.beginCatchUp() ? catchUp(chatId, session, feed) : Uni.createFrom().voidItem();
    }

    /**
     * A frame that belongs to a resume's answer (every participant's receipts): paced like the catch-up it follows,
     * not held to the socket's bound, which a long catch-up may just have filled.
     */
    public void resumeAnswer(SocketSession session, Object frame) {
        session.sendPaced(SocketSession.json(frame));
    }

    /** A participant's sockets here follow the chat they joined (its state and typing frames reach them). */
    public void joined(String chatId, String participantId) {
        sockets.ofParticipant(participantId).forEach(s -> sockets.follow(s, chatId));
    }

    /** A supervisor stopped monitoring the chat: their sockets here that read it as observers no longer get it. */
    public void monitoringStopped(String chatId, String supervisorId) {
        for (SocketSession session : sockets.ofParticipant(supervisorId)) {
            ChatFeed feed = session.feed(chatId);
            if (feed != null && feed.observer()) {
                sockets.unfollow(session, chatId);
            }
        }
    }

    public boolean followed(String chatId) {
        return sockets.followsChat(chatId);
    }

    public boolean connected(String participantId) {
        return sockets.hasParticipant(participantId);
    }

    /**
     * A frame for the sockets here that follow the chat, of participants in it as of what they were sent, except
     * the sender's own.
     */
    public void toPresent(String chatId, String exceptParticipantId, Object frame) {
        String text = null;
        for (SocketSession session : sockets.ofChat(chatId)) {
            ChatFeed feed = session.feed(chatId);
            if (session.caller().id().equals(exceptParticipantId) || (feed != null && !feed.present())) {
                continue;
            }
            if (text == null) {
                text = SocketSession.json(frame);
            }
            session.sendText(text);
        }
    }

    /**
     * A frame for the sockets here of one participant that follow the chat (a call's signalling: the agent's desk
     * follows the chat when its window is open, the contact's widget after resume).
     */
    public void toParticipantInChat(String chatId, String participantId, Object frame) {
        String text = null;
        for (SocketSession session : sockets.ofChat(chatId)) {
            if (!session.caller().id().equals(participantId)) {
                continue;
            }
            if (text == null) {
                text = SocketSession.json(frame);
            }
            session.sendText(text);
        }
    }

    /** A frame for the sockets of one participant (an agent's offers, the contact's queue position). */
    public void toParticipant(String participantId, Object frame) {
        sockets.ofParticipant(participantId).forEach(s -> s.send(frame));
    }

    private Uni<Void> catchUp(String chatId, SocketSession session, ChatFeed feed) {
        long from = feed.lastSent();
        return reads.read(() -> TimelineEntry.after(chatId, from, pageMax)).chain(entries -> {
            List<TimelineItem> run = entries.stream().map(TimelineItem::of).toList();
            feed.offer(run, item -> session.sendPaced(SocketSession.json(new Frames.Item(chatId, item))));
            return entries.size() == pageMax || feed.readAgain()
                    ? session.drained().chain(() -> catchUp(chatId, session, feed))
                    : Uni.createFrom().voidItem();
        }).onFailure().invoke(failure -> {
            Log.debugf("catch-up of %s on %s failed: %s", chatId, session.id(), failure.getMessage());
            feed.catchUpFailed();
        });
    }

    /** One after the other: reads sharing the caller's context must not run at the same time. */
    private static Uni<Void> all(List<Uni<Void>> unis) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Uni<Void> next : unis) {
            all = all.chain(() -> next);
        }
        return all;
    }
}
