package io.switchboard.kit.tx;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;

/** What a failed statement says about itself, for the few refusals a caller turns into an answer. */
public final class SqlStates {

    /** PostgreSQL's unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    /**
     * Whether a unique index refused the row, anywhere in the cause chain: the sign that a concurrent request with
     * the same client id stored it first. A native statement fails with the driver's exception; an entity flushed by
     * Hibernate with a {@link SQLException} carrying the same state.
     */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    || t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
