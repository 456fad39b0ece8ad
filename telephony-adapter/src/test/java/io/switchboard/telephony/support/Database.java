package io.switchboard.telephony.support;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/** Writes the service's own table directly, to leave a call as a crashed process would have left it. */
public final class Database {

    private Database() {
    }

    public static int execute(String sql, Object... parameters) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> {
                        var query = session.createNativeQuery(sql);
                        for (int i = 0; i < parameters.length; i++) {
                            query.setParameter(i + 1, parameters[i]);
                        }
                        return query.executeUpdate();
                    })));
        } catch (Throwable e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static long count(String sql, Object... parameters) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(session -> {
                        var query = session.createNativeQuery(sql, Long.class);
                        for (int i = 0; i < parameters.length; i++) {
                            query.setParameter(i + 1, parameters[i]);
                        }
                        return query.getSingleResult();
                    })));
        } catch (Throwable e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A call waiting for its first attempt, as the consumer records it. */
    public static void due(String chatId, String requestId, String agentId, String number) {
        execute("""
                insert into telephony_call (request_id, chat_id, agent_id, phone_number, state, attempts,
                    next_attempt_at, requested_at, received_at, updated_at)
                values (?1, ?2, ?3, ?4, 'REQUESTED', 0, now(), now(), now(), now())""",
                requestId, chatId, agentId, number);
    }

    /** A call the PBX accepted {@code secondsAgo} seconds ago and that nobody reported on since. */
    public static void diallingSince(String chatId, String requestId, int secondsAgo) {
        execute("""
                insert into telephony_call (request_id, chat_id, agent_id, phone_number, state, attempts,
                    attempt_started_at, dialling_at, requested_at, received_at, updated_at)
                values (?1, ?2, 'agent1', '+14155550100', 'DIALLING', 1, now(), now() - ?3 * interval '1 second',
                    now(), now(), now())""",
                requestId, chatId, secondsAgo);
    }

    /** A call whose attempt was recorded (PLACING) by a process that died before it learnt the outcome. */
    public static void attemptInFlight(String chatId, String requestId, String agentId, String number) {
        execute("""
                insert into telephony_call (request_id, chat_id, agent_id, phone_number, state, attempts,
                    attempt_started_at, requested_at, received_at, updated_at)
                values (?1, ?2, ?3, ?4, 'PLACING', 1, now(), now(), now(), now())""",
                requestId, chatId, agentId, number);
    }
}
