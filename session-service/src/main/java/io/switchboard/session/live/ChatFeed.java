package io.switchboard.session.live;

import io.switchboard.session.chat.TimelineItem;

import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * What one socket has been sent of one chat's timeline. Items go out strictly in sequence and each at most once: an
 * item is sent only when it follows the cursor, whatever mix of resume reads and live deliveries brings it, and a
 * resume that moves the cursor back does not send again what the socket already got.
 */
final class ChatFeed {

    private long lastSent;
    private final BitSet sent = new BitSet();

    ChatFeed(long afterSeq) {
        this.lastSent = afterSeq;
    }

    synchronized long lastSent() {
        return lastSent;
    }

    synchronized void resumeAfter(long seq) {
        lastSent = seq;
    }

    /** Sends, in order, the items of a contiguous run that follow what was sent; skips what was. */
    synchronized void offer(List<TimelineItem> run, LongPredicate visible, Consumer<TimelineItem> send) {
        for (TimelineItem item : run) {
            if (item.seq() == lastSent + 1) {
                int seq = Math.toIntExact(item.seq());
                if (!sent.get(seq) && visible.test(item.seq())) {
                    send.accept(item);
                }
                sent.set(seq);
                lastSent = item.seq();
            }
        }
    }
}
