package io.switchboard.routing.dispatch;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.offer.Offer;
import java.util.List;
import java.util.UUID;

/**
 * Row-locking reads. Always lock before the first read of a row in a transaction (a session returns an entity it
 * already holds without re-reading it), and lock in the order chat, request, offer, agent to avoid deadlocks.
 *
 * <p>The rows are locked by a native {@code select id ... for update} ({@link NativeSql#locked}), not with a
 * Hibernate lock mode: on PostgreSQL its pessimistic write is {@code for no key update}, which does not hold off the
 * foreign-key checks of offers and assignments being inserted for the locked agent or request.
 */
public final class Rows {

    /**
     * First key of the per-chat advisory locks (two-key form: a key space apart from the outbox relay's one-key
     * lock); the second key is the hash of the chat id. A hash collision only makes two chats wait for each other.
     */
    private static final int CHAT_LOCKS = 0x5242_4348;

    private static final String LOCK_CHAT = "select 1 from pg_advisory_xact_lock($1, hashtext($2))";

    /** The same locks for many chats, taken in the order of their keys (the hashes), whatever order the ids come in. */
    private static final String LOCK_CHATS = """
            select count(pg_advisory_xact_lock($1, h)) from (
                select distinct hashtext(id) as h from unnest(string_to_array($2, ',')) as ids(id) order by h) keys""";

    private Rows() {
    }

    /**
     * Serialises, until commit, everything that decides whether a chat is still wanted: its request, its end, its
     * transfers and invitations. They arrive on different topics in no particular order; whichever takes this lock
     * second sees what the first committed (each statement reads the latest commits), so an end is never missed by
     * a request that was being taken in at the same time, nor the other way round.
     */
    public static Uni<Void> lockChat(String chatId) {
        return NativeSql.rows(LOCK_CHAT, CHAT_LOCKS, chatId).replaceWithVoid();
    }

    /**
     * {@link #lockChat} for every chat of a consumed batch at its start, all in one order. The batches of different
     * topics (requests, ends, participants) and of different replicas then never deadlock on chat locks: each would
     * otherwise take its chats' locks in record order, and two batches can hold one chat each that the other wants
     * next. The per-event {@link #lockChat} that follows finds the lock already held (advisory locks stack).
     *
     * @param chatIds chat ids (no commas: they are passed as one comma-separated text)
     */
    public static Uni<Void> lockChats(List<String> chatIds) {
        if (chatIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return NativeSql.rows(LOCK_CHATS, CHAT_LOCKS, String.join(",", chatIds)).replaceWithVoid();
    }

    public static Uni<RoutingRequest> lockRequest(UUID id) {
        return NativeSql.lockedOne(RoutingRequest.class, "select id from routing_request where id = $1 for update", id);
    }

    public static Uni<Offer> lockOffer(UUID id) {
        return NativeSql.lockedOne(Offer.class, "select id from offer where id = $1 for update", id);
    }

    public static Uni<Agent> lockAgent(String id) {
        return NativeSql.lockedOne(Agent.class, "select id from agent where id = $1 for update", id);
    }

    /** The open request of a chat, if any. */
    public static Uni<RoutingRequest> lockOpenRequest(String chatId) {
        return NativeSql.lockedOne(RoutingRequest.class,
                "select id from routing_request where chat_id = $1 and status <> 'DONE' for update", chatId);
    }

    public static Uni<Offer> lockOpenOffer(UUID requestId) {
        return NativeSql.lockedOne(Offer.class,
                "select id from offer where routing_request_id = $1 and status = 'OPEN' for update", requestId);
    }

    public static Uni<List<Assignment>> lockHeld(String chatId) {
        return NativeSql.locked(Assignment.class,
                "select id from assignment where chat_id = $1 and released_at is null order by agent_id for update",
                chatId);
    }
}
