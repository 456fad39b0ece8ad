package io.switchboard.bench;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Offers seen on the agent sockets, by chat id; the one who waits for a chat's offer may come before or after it.
 * An offer for a chat the generator stopped waiting for (it gave up and the contact left) is counted as late: it was
 * made or delivered after the wait, not lost.
 */
final class Offers {

    record Offer(String offerId, String chatId, String agentId, long receivedNanos) {
    }

    private final Map<String, CompletableFuture<Offer>> byChat = new ConcurrentHashMap<>();
    private final Set<String> givenUp = ConcurrentHashMap.newKeySet();
    private final AtomicLong late = new AtomicLong();

    void arrived(Offer offer) {
        if (givenUp.remove(offer.chatId())) {
            late.incrementAndGet();
            return;
        }
        future(offer.chatId()).complete(offer);
    }

    CompletableFuture<Offer> of(String chatId) {
        return future(chatId);
    }

    /** The wait for the chat's offer is over; {@code offered} false when it ended without one (timed out). */
    void forget(String chatId, boolean offered) {
        if (!offered) {
            givenUp.add(chatId);
        }
        byChat.remove(chatId);
    }

    void forget(String chatId) {
        forget(chatId, true);
    }

    /** Offers that came for chats whose wait had already timed out. */
    long late() {
        return late.get();
    }

    private CompletableFuture<Offer> future(String chatId) {
        return byChat.computeIfAbsent(chatId, id -> new CompletableFuture<>());
    }
}
