package io.switchboard.transcript.delivery;

/** What the sender found when it looked for the next due request. */
public sealed interface ClaimResult {

    /** No request is due. */
    record NothingDue() implements ClaimResult {
    }

    /** A due request was looked at and rescheduled or given up: look for the next one. */
    record Examined() implements ClaimResult {
    }

    /** A request is ready and now held by this instance. */
    record Ready(Claim claim) implements ClaimResult {
    }
}
