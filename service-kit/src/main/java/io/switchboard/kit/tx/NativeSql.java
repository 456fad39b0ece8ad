package io.switchboard.kit.tx;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/**
 * The one way to run a native SQL statement: in the caller's reactive session, so in its transaction, on that
 * session's connection, with PostgreSQL's parameters {@code $1, $2, ...}.
 *
 * <p>Why not {@code session.createNativeQuery}: Hibernate Reactive wraps every native query's result mapping in a
 * new object that has no {@code equals}, so each native select adds one more entry to Hibernate's query plan cache,
 * all with the same hash: every later lookup walks them all (11–15 % of session-service's CPU on the message path,
 * docs/performance.md). Here nothing is planned or cached, and no result mapping is built.
 *
 * <p>Pending entity changes are flushed first, as Hibernate does before a native query, so the statement sees
 * them. Values come back as the PostgreSQL client reads them ({@code timestamptz} as {@link OffsetDateTime}, see
 * {@link #instant}); an {@link Instant} parameter is sent as a {@code timestamptz}, an enum by its name.
 */
public final class NativeSql {

    private NativeSql() {
    }

    /** Every row of a select (or of a statement with {@code returning}), each as its columns' values. */
    public static Uni<List<Object[]>> rows(String sql, Object... parameters) {
        return connection().chain(c -> Uni.createFrom().completionStage(() -> c.select(sql, bind(parameters))))
                .map(result -> {
                    List<Object[]> rows = new ArrayList<>(result.size());
                    result.forEachRemaining(rows::add);
                    return rows;
                });
    }

    /** The first row, or null when there is none. */
    public static Uni<Object[]> row(String sql, Object... parameters) {
        return rows(sql, parameters).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** The first column of every row. */
    public static <T> Uni<List<T>> column(String sql, Class<T> type, Object... parameters) {
        return rows(sql, parameters).map(rows -> rows.stream().map(r -> type.cast(r[0])).toList());
    }

    /** The first column of the first row, or null when there is no row. */
    public static <T> Uni<T> value(String sql, Class<T> type, Object... parameters) {
        return row(sql, parameters).map(r -> r == null ? null : type.cast(r[0]));
    }

    /**
     * The entities of the rows a statement locks ({@code select id ... for update [skip locked]}): its first column
     * is their id, and they come in the order it returns them. The lock is taken natively, not with a Hibernate lock
     * mode, whose pessimistic write is PostgreSQL's weaker {@code for no key update}; rows locked by this transaction
     * cannot change before it ends, so the entities are read as locked.
     */
    public static <T> Uni<List<T>> locked(Class<T> type, String sql, Object... parameters) {
        return column(sql, Object.class, parameters).chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<T>of())
                : Panache.getSession().chain(session -> session.find(type, ids.toArray())));
    }

    /** The entity of the first row a statement locks (it locks every row it selects), as {@link #locked}; or null. */
    public static <T> Uni<T> lockedOne(Class<T> type, String sql, Object... parameters) {
        return value(sql, Object.class, parameters).chain(id -> id == null ? Uni.createFrom().<T>nullItem()
                : Panache.getSession().chain(session -> session.find(type, id)));
    }

    /** An insert, update or delete without {@code returning}: the number of rows it changed. */
    public static Uni<Integer> update(String sql, Object... parameters) {
        return connection().chain(c -> Uni.createFrom().completionStage(() -> c.update(sql, bind(parameters))));
    }

    /** A {@code timestamptz} column's value as an instant (null stays null). */
    public static Instant instant(Object value) {
        return value == null ? null : ((OffsetDateTime) value).toInstant();
    }

    private static Uni<ReactiveConnection> connection() {
        return Panache.getSession().chain(session -> session.flush().replaceWith(() -> connectionOf(session)));
    }

    private static ReactiveConnection connectionOf(Mutiny.Session session) {
        // Panache hands out the implementation itself; its connection is the one the transaction runs on.
        return ((MutinySessionImpl) session).getReactiveConnection();
    }

    private static Object[] bind(Object... parameters) {
        Object[] bound = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            bound[i] = value instanceof Instant at ? at.atOffset(ZoneOffset.UTC)
                    : value instanceof Enum<?> e ? e.name() : value;
        }
        return bound;
    }
}
