package io.switchboard.transcript.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Native statements (upserts) in the current reactive session, with positional parameters ?1, ?2, ... */
final class Sql {

    private Sql() {
    }

    static Uni<Integer> update(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }
}
