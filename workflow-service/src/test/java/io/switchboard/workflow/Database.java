package io.switchboard.workflow;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/** Reads the service's own tables, for facts no API shows (what was processed, what waits in the outbox). */
public final class Database {

    private Database() {
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

    /** Events of that type about that chat written to the outbox (published or about to be). */
    public static long outboxCount(String topic, String chatId) {
        return count("select count(*) from outbox_event where topic = ?1 and record_key = ?2", topic, chatId);
    }

    public static long processed(String consumer, java.util.UUID eventId) {
        return count("select count(*) from processed_event where consumer = ?1 and event_id = ?2", consumer, eventId);
    }

    public static long items(String chatId) {
        return count("select count(*) from workflow_item where chat_id = ?1", chatId);
    }
}
