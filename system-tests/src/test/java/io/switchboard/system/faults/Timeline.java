package io.switchboard.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * One socket's view of one chat's timeline across reconnections: the highest seq seen (what a page resumes from)
 * and every seq seen, so that an item arriving twice, out of order or after a gap is counted, as a page would
 * notice it.
 */
final class Timeline {

    private final String chatId;
    private final ChatRecord.Side side;
    private final Ledger ledger;
    private final Set<Long> seen = new HashSet<>();
    private long lastSeq;

    Timeline(String chatId, ChatRecord.Side side, Ledger ledger) {
        this.chatId = chatId;
        this.side = side;
        this.ledger = ledger;
    }

    synchronized long lastSeq() {
        return lastSeq;
    }

    /** Records an item frame; returns the clientMessageId of a message of the other side, else null. */
    synchronized String accept(JsonNode item) {
        long seq = item.path("seq").asLong();
        if (!seen.add(seq)) {
            ledger.itemAnomaly("duplicate item", chatId, side, seq, lastSeq);
        } else if (seq < lastSeq) {
            ledger.itemAnomaly("item out of order", chatId, side, seq, lastSeq);
        } else if (seq > lastSeq + 1) {
            ledger.itemAnomaly("gap before item", chatId, side, seq, lastSeq);
        }
        lastSeq = Math.max(lastSeq, seq);
        if (!"MESSAGE".equals(item.path("kind").asText())) {
            return null;
        }
        String role = item.path("authorRole").asText();
        boolean fromOtherSide = side == ChatRecord.Side.CONTACT ? !"CONTACT".equals(role) : "CONTACT".equals(role);
        return fromOtherSide ? item.path("clientMessageId").asText() : null;
    }
}
