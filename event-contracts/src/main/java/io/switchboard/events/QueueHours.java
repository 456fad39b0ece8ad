package io.switchboard.events;

import java.time.Instant;
import java.util.List;

/**
 * A queue's business hours ({@code queue.hours}, published by routing-service whenever a supervisor sets or clears
 * them, keyed by queue name on a compacted topic, so a new reader learns every queue's latest hours at once). Read
 * them with {@link OpeningHours#at}, which every service shares so that they agree on when a queue is open.
 *
 * @param timeZone IANA time zone the hours and holidays are in ({@code Europe/Paris}); null when the queue has no
 *                 hours: it is always open
 * @param weekly   the opening intervals of each day of the week; a day without one is closed
 * @param holidays dates ({@code 2026-12-25}, in {@code timeZone}) on which the queue is closed all day
 * @param version  grows by one with every change of this queue's hours: a reader keeps the highest it has seen
 */
public record QueueHours(String queue, String timeZone, List<OpeningInterval> weekly, List<String> holidays,
                         long version, Instant changedAt) implements SwitchboardEvent {

    @Override
    public String key() {
        return queue;
    }

    /** True when the queue has no hours (always open). */
    public boolean alwaysOpen() {
        return timeZone == null;
    }
}
