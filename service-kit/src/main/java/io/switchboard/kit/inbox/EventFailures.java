package io.switchboard.kit.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.switchboard.events.InvalidEventException;

/**
 * Tells a failure that no retry can cure (the record is not a valid event, or the event can never be applied) from
 * one that goes away by itself (database or broker briefly away, a lock timeout). Only the first kind is
 * dead-lettered; the second is waited out.
 */
public final class EventFailures {

    private EventFailures() {
    }

    public static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidEventException || t instanceof PermanentEventFailure) {
                return true;
            }
            // EventEnvelope.payload(...) reports data that does not fit its type this way: it never will.
            if (t instanceof IllegalArgumentException && t.getCause() instanceof JsonProcessingException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whatever is not permanent: the inbox retries it until it succeeds. Broader than
     * {@link io.switchboard.kit.TemporaryFailures#isTemporary}, which recognises an outage (connection lost, deadlock).
     */
    public static boolean isRetryable(Throwable failure) {
        return !isPermanent(failure);
    }

    /** The innermost message, which usually names the real cause. */
    public static String reason(Throwable failure) {
        Throwable t = failure;
        while (!(t instanceof InvalidEventException || t instanceof PermanentEventFailure) && t.getCause() != null
                && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getName();
    }
}
