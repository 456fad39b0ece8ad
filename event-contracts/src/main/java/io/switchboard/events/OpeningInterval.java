package io.switchboard.events;

import java.time.DayOfWeek;

/**
 * One opening interval of a queue's week ({@link QueueHours}): from {@code start} to {@code end} local time on
 * {@code day}, both {@code HH:mm}; {@code end} may be {@code 24:00} (open until midnight).
 */
public record OpeningInterval(DayOfWeek day, String start, String end) {
}
