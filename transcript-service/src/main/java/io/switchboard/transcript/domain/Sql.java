package io.switchboard.transcript.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/** Native statements (upserts, row locks) in the current reactive session, with positional parameters ?1, ?2, ... */
final class Sql {

    private Sql() {
    }

    static Uni<Integer> update(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> bind(session.<Object>createNativeQuery(sql), parameters)
                .executeUpdate());
    }

    /** A {@code select ... for update} (or weaker lock) whose rows are not needed, only their locks. */
    static Uni<Void> lock(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> bind(session.<Object>createNativeQuery(sql), parameters)
                .getResultList()).replaceWithVoid();
    }

    private static <T> Mutiny.Query<T> bind(Mutiny.Query<T> query, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
