package io.switchboard.routing.dispatch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.offer.Offer;
import java.util.List;
import java.util.UUID;

/**
 * Row-locking reads. Always lock before the first read of a row in a transaction (a session returns an entity it
 * already holds without re-reading it), and lock in the order chat, request, offer, agent to avoid deadlocks.
 */
public final class Rows {

    /**
     * First key of the per-chat advisory locks (two-key form: a key space apart from the outbox relay's one-key
     * lock); the second key is the hash of the chat id. A hash collision only makes two chats wait for each other.
     */
    private static final int CHAT_LOCKS = 0x5242_4348;

    private static final String LOCK_CHAT = "select 1 from pg_advisory_xact_lock(:space, hashtext(:id))";

    /** The same locks for many chats, taken in the order of their keys (the hashes), whatever order the ids come in. */
    private static final String LOCK_CHATS = """
            select count(pg_advisory_xact_lock(:space, h)) from (
                select distinct hashtext(id) as h from unnest(string_to_array(:ids, ',')) as ids(id) order by h) keys""";

    private Rows() {
    }

    /**
     * Serialises, until commit, everything that decides whether a chat is still wanted: its request, its end, its
     * transfers and invitations. They arrive on different topics in no particular order; whichever takes this lock
     * second sees what the first committed (each statement reads the latest commits), so an end is never missed by
     * a request that was being taken in at the same time, nor the other way round.
     */
    public static Uni<Void> lockChat(String chatId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_CHAT, Integer.class)
                        .setParameter("space", CHAT_LOCKS)
                        .setParameter("id", chatId)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /**
     * {@link #lockChat} for every chat of a consumed batch at its start, all in one order. The batches of different
     * topics (requests, ends, participants) and of different replicas then never deadlock on chat locks: each would
     * otherwise take its chats' locks in record order, and two batches can hold one chat each that the other wants
     * next. The per-event {@link #lockChat} that follows finds the lock already held (advisory locks stack).
     */
    /** @param chatIds chat ids (no commas: they are passed as one comma-separated text) */
    public static Uni<Void> lockChats(List<String> chatIds) {
        if (chatIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_CHATS, Long.class)
                        .setParameter("space", CHAT_LOCKS)
                        .setParameter("ids", String.join(",", chatIds))
                        .getSingleResult())
                .replaceWithVoid();
    }

    public static Uni<RoutingRequest> lockRequest(UUID id) {
        return single("select * from routing_request where id = :id for update", RoutingRequest.class, id);
    }

    public static Uni<Offer> lockOffer(UUID id) {
        return single("select * from offer where id = :id for update", Offer.class, id);
    }

    public static Uni<Agent> lockAgent(String id) {
        return single("select * from agent where id = :id for update", Agent.class, id);
    }

    /** The open request of a chat, if any. */
    public static Uni<RoutingRequest> lockOpenRequest(String chatId) {
        return single("select * from routing_request where chat_id = :id and status <> 'DONE' for update",
                RoutingRequest.class, chatId);
    }

    public static Uni<Offer> lockOpenOffer(UUID requestId) {
        return single("select * from offer where routing_request_id = :id and status = 'OPEN' for update",
                Offer.class, requestId);
    }

    public static Uni<List<Assignment>> lockHeld(String chatId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select * from assignment where chat_id = :id and released_at is null order by agent_id for update",
                        Assignment.class)
                .setParameter("id", chatId)
                .getResultList());
    }

    private static <T> Uni<T> single(String sql, Class<T> type, Object id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, type)
                .setParameter("id", id)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }
}
