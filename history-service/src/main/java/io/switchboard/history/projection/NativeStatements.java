package io.switchboard.history.projection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Runs SQL statements in the current reactive session (and so in the caller's transaction). */
public final class NativeStatements {

    private NativeStatements() {
    }

    /** Executes {@code sql} with positional parameters {@code ?1, ?2, ...}; enums are bound by name. */
    public static Uni<Integer> execute(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                query.setParameter(i + 1, value instanceof Enum<?> e ? e.name() : value);
            }
            return query.executeUpdate();
        });
    }
}
