package io.switchboard.kit.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A duplicate row is recognised however it comes: the driver's error, or Hibernate's flush wrapping a SQLException. */
class SqlStatesTest {

    @Test
    void aUniqueViolationIsFoundWhereverItIsWrapped() {
        assertThat(SqlStates.isUniqueViolation(new CompletionException(new PgException("duplicate key", "ERROR",
                "23505", null)))).isTrue();
        assertThat(SqlStates.isUniqueViolation(new RuntimeException("could not execute statement",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(SqlStates.isUniqueViolation(new PgException("syntax error", "ERROR", "42601", null))).isFalse();
        assertThat(SqlStates.isUniqueViolation(new SQLException("deadlock detected", "40P01"))).isFalse();
        assertThat(SqlStates.isUniqueViolation(new IllegalStateException("no cause"))).isFalse();
    }
}
