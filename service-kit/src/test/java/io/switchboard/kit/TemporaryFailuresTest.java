package io.switchboard.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which failures clients are told to retry (503 / unavailable) rather than reported as internal errors. */
class TemporaryFailuresTest {

    @Test
    void anUnreachableOrRestartingDatabaseIsTemporaryWhereverItIsWrapped() {
        assertThat(TemporaryFailures.isTemporary(new CompletionException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(TemporaryFailures.isTemporary(new PgException("terminating connection due to administrator command",
                "FATAL", "57P01", null))).isTrue();
        assertThat(TemporaryFailures.isTemporary(new PgException("connection failure", "FATAL", "08006", null)))
                .isTrue();
        assertThat(TemporaryFailures.isTemporary(new IllegalStateException("wrapped",
                new RuntimeException("Connection was closed")))).isTrue();
        assertThat(TemporaryFailures.isTemporary(new org.apache.kafka.common.errors.TimeoutException("no ack")))
                .isTrue();
    }

    @Test
    void aBugOrABadStatementIsNot() {
        assertThat(TemporaryFailures.isTemporary(new NullPointerException())).isFalse();
        assertThat(TemporaryFailures.isTemporary(new PgException("syntax error", "ERROR", "42601", null))).isFalse();
        assertThat(TemporaryFailures.isTemporary(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
    }
}
