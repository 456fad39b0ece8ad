package io.switchboard.bench;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Offers seen on the agent sockets, by chat id; the one who waits for a chat's offer may come before or after it. */
final class Offers {

    record Offer(String offerId, String chatId, String agentId, long receivedNanos) {
    }

    private final Map<String, CompletableFuture<Offer>> byChat = new ConcurrentHashMap<>();

    void arrived(Offer offer) {
        future(offer.chatId()).complete(offer);
    }

    CompletableFuture<Offer> of(String chatId) {
        return future(chatId);
    }

    void forget(String chatId) {
        byChat.remove(chatId);
    }

    private CompletableFuture<Offer> future(String chatId) {
        return byChat.computeIfAbsent(chatId, id -> new CompletableFuture<>());
    }
}
