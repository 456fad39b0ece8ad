package io.switchboard.kit.outbox;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a broker that cannot be reached (or is slow) from a record it refuses. An outage is waited out however long
 * it lasts; a refusal (too large, invalid topic, not serializable, not authorized, ...) will not go away by itself
 * and, repeated, parks the row.
 */
final class SendFailures {

    private SendFailures() {
    }

    static boolean isTransient(Throwable failure) {
        Throwable cause = unwrap(failure);
        // TimeoutException (metadata or delivery), NetworkException, NotEnoughReplicas, NotLeader... are retriable;
        // a closed producer (shutdown) and the relay's own deadline are not the record's fault either.
        return cause instanceof RetriableException || cause instanceof IllegalStateException
                || cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof io.smallrye.mutiny.TimeoutException;
    }

    static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause.getClass().getName() + ": " + cause.getMessage();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
