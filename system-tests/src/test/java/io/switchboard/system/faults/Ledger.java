package io.switchboard.system.faults;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Everything the load's clients did and saw, shared by all their threads; the checks read it at the end. */
final class Ledger {

    private static final int MAX_EXAMPLES = 20;

    final Map<String, ChatRecord> chats = new ConcurrentHashMap<>();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong resent = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong itemAnomalies = new AtomicLong();
    /** Retryable answers seen: WebSocket error codes ("ws:internal"), REST statuses ("rest:503"), time-outs. */
    final Map<String, AtomicLong> temporary = new ConcurrentSkipListMap<>();
    /** Messages refused for good: chat/clientMessageId → error code. */
    final Map<String, String> rejected = new ConcurrentHashMap<>();
    final List<String> examples = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();

    ChatRecord chat(String chatId) {
        return chats.computeIfAbsent(chatId, ChatRecord::new);
    }

    void temporaryRestAnswer(String status) {
        count("rest:" + status);
    }

    void temporarySocketError(String code) {
        count("ws:" + code);
    }

    void count(String what) {
        temporary.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    void itemAnomaly(String what, String chatId, ChatRecord.Side side, long seq, long lastSeq) {
        itemAnomalies.incrementAndGet();
        example(what + ": chat " + chatId + " at the " + side + " seq " + seq + " after " + lastSeq);
    }

    void example(String text) {
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(text);
        }
    }

    /** A line of the run's story (faults injected, recoveries), printed with the figures. */
    void event(String text) {
        String line = java.time.LocalTime.now().withNano(0) + " " + text;
        events.add(line);
        System.out.println("[faults] " + line);
    }
}
