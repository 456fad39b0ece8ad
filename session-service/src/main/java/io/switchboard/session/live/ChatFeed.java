package io.switchboard.session.live;

import io.switchboard.session.chat.TimelineItem;
import io.switchboard.session.domain.Notice;
import io.switchboard.session.domain.TimelineEntry;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one socket has been sent of one chat's timeline. Items go out strictly in sequence and each at most once: an
 * item is sent only when it follows the cursor, whatever mix of resume reads and live deliveries brings it, and a
 * resume that moves the cursor back does not send again what the socket already got.
 *
 * <p>Visibility needs no database read per item: the participant receives items up to their own leave (or
 * transferred-away) notice and again from their own join notice. Those notices pass through this feed in order like
 * any item, so the feed knows at each seq whether its participant is in the chat. A monitoring supervisor (an observer)
 * is in no participant list: they get every item while they monitor, whatever their own notices say. Whispers go to
 * the chat's staff only: a contact's feed steps over them.
 *
 * <p>A live item that does not follow the cursor means the socket missed something: the caller reads the run from the
 * database ({@link #beginCatchUp}); items that arrive meanwhile only mark the feed as behind, and the read repeats
 * until nothing was missed.
 */
final class ChatFeed {

    private final String participantId;
    private final boolean seesWhispers;
    private final boolean observer;
    private long lastSent;
    /** The seq of this participant's leave notice while they are out of the chat; null while they are in it. */
    private Long awayAfter;
    private final BitSet sent = new BitSet();
    private boolean catchingUp;
    private boolean behind;

    ChatFeed(String participantId, long afterSeq, boolean seesWhispers, boolean observer) {
        this.participantId = participantId;
        this.seesWhispers = seesWhispers;
        this.observer = observer;
        this.lastSent = afterSeq;
    }

    synchronized long lastSent() {
        return lastSent;
    }

    /** A monitoring supervisor's feed: no participation of theirs limits it. */
    synchronized boolean observer() {
        return observer;
    }

    /** Whether the participant is in the chat as of the last item sent. */
    synchronized boolean present() {
        return awayAfter == null;
    }

    synchronized void resumeAfter(long seq, Long leftSeq) {
        lastSent = seq;
        awayAfter = observer ? null : leftSeq;
    }

    /**
     * A live item. Sends it when it follows the cursor; skips it when it was sent already.
     *
     * @return true when it lies beyond the next one and no catch-up runs: the caller reads the missed run from the
     * database, then calls {@link #readAgain} until it says no
     */
    synchronized boolean live(TimelineItem item, Consumer<TimelineItem> send) {
        if (item.seq() <= lastSent) {
            return false;
        }
        if (item.seq() == lastSent + 1) {
            accept(item, send);
            return false;
        }
        return beginCatchUp();
    }

    /** Sends, in order, the items of a contiguous run that follow what was sent; skips what was. */
    synchronized void offer(List<TimelineItem> run, Consumer<TimelineItem> send) {
        for (TimelineItem item : run) {
            if (item.seq() == lastSent + 1) {
                accept(item, send);
            }
        }
    }

    /** @return false when a catch-up runs already: it will read once more, as the feed is now marked behind */
    synchronized boolean beginCatchUp() {
        if (catchingUp) {
            behind = true;
            return false;
        }
        catchingUp = true;
        return true;
    }

    /** After a read of the database: true when the feed must read again (items arrived live meanwhile). */
    synchronized boolean readAgain() {
        if (behind) {
            behind = false;
            return true;
        }
        catchingUp = false;
        return false;
    }

    /** The catch-up failed: the next live item that does not follow the cursor starts another. */
    synchronized void catchUpFailed() {
        catchingUp = false;
    }

    private void accept(TimelineItem item, Consumer<TimelineItem> send) {
        int seq = Math.toIntExact(item.seq());
        ownNotice(item);
        boolean inChat = observer || awayAfter == null || item.seq() <= awayAfter;
        if (!sent.get(seq) && inChat && (seesWhispers || !TimelineItem.isWhisper(item))) {
            send.accept(item);
        }
        sent.set(seq);
        lastSent = item.seq();
    }

    private void ownNotice(TimelineItem item) {
        if (observer || item.kind() != TimelineEntry.Kind.NOTICE || !participantId.equals(item.participantId())) {
            return;
        }
        if (item.notice() == Notice.JOINED) {
            awayAfter = null;
        } else if (item.notice() == Notice.LEFT || item.notice() == Notice.TRANSFERRED) {
            awayAfter = item.seq();
        }
    }
}
