package io.switchboard.transcript.delivery;

import java.time.Duration;
import java.time.Instant;

/** Exponential back-off between SMTP attempts, capped, for a limited time after the first attempt. */
public record RetryPolicy(Duration initialBackOff, Duration maxBackOff, Duration giveUpAfter) {

    /** Doubling stops here; beyond it the cap applies anyway and the shift would overflow. */
    private static final int MAX_DOUBLINGS = 20;

    /** The pause after the given number of failed attempts (1 for the first failure). */
    public Duration delayAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), MAX_DOUBLINGS);
        Duration delay = initialBackOff.multipliedBy(1L << doublings);
        return delay.compareTo(maxBackOff) > 0 ? maxBackOff : delay;
    }

    public boolean exhausted(Instant firstAttemptAt, Instant now) {
        return firstAttemptAt != null && !now.isBefore(firstAttemptAt.plus(giveUpAfter));
    }
}
