package io.switchboard.kit;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure that goes away by itself (the database or broker unreachable, restarting, overloaded; a
 * serialization conflict) from one that never will. Callers answer the first with "try again" (503 with
 * Retry-After, an {@code unavailable} frame) instead of "internal error".
 */
public final class TemporaryFailures {

    /** SQLSTATEs that say "not now": connection exceptions (class 08), shutdown, startup, too many connections,
     * serialization failure and deadlock (the transaction may simply be run again). */
    private static final Set<String> TEMPORARY_SQL_STATES = Set.of("57P01", "57P02", "57P03", "53300", "40001",
            "40P01");
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** Vert.x reports a dropped or refused connection with these words, without a specific exception type. */
    private static final Set<String> CONNECTION_WORDS = Set.of("connection refused", "connection was closed",
            "connection reset", "closed connection", "failed to read any response", "timeout");
    private static final int MAX_DEPTH = 16;

    private TemporaryFailures() {
    }

    public static boolean isTemporary(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++, current = current.getCause()) {
            if (current instanceof ConnectException || current instanceof NoRouteToHostException
                    || current instanceof SocketException || current instanceof ClosedChannelException
                    || current instanceof TimeoutException || current instanceof RetriableException) {
                return true;
            }
            if (current instanceof PgException pg && pg.getSqlState() != null) {
                return pg.getSqlState().startsWith(CONNECTION_EXCEPTION_CLASS)
                        || TEMPORARY_SQL_STATES.contains(pg.getSqlState());
            }
            String message = current.getMessage();
            if (message != null) {
                String lower = message.toLowerCase(Locale.ROOT);
                if (CONNECTION_WORDS.stream().anyMatch(lower::contains)) {
                    return true;
                }
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }
}
