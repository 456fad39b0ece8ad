package io.switchboard.history.view;

import io.switchboard.history.store.InteractionRow;
import java.time.Duration;
import java.time.Instant;

/**
 * When the interaction went through each step; {@code waitSeconds} = accepted − requested and
 * {@code handleSeconds} = done − accepted, null until both ends are known.
 */
public record Timings(Instant requestedAt, Instant firstOfferedAt, Instant acceptedAt, Instant endedAt,
                      Instant doneAt, Long waitSeconds, Long handleSeconds) {

    public static Timings of(InteractionRow row) {
        return new Timings(row.requestedAt, row.firstOfferedAt, row.acceptedAt, row.endedAt, row.completedAt,
                seconds(row.requestedAt, row.acceptedAt), seconds(row.acceptedAt, row.completedAt));
    }

    private static Long seconds(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toSeconds();
    }
}
