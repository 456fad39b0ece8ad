package io.switchboard.history.search;

import io.switchboard.kit.problem.Problems;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A [from, to) range of request times from query parameters, each an ISO instant ({@code 2026-03-01T08:00:00Z}) or
 * a date ({@code 2026-03-01}, a whole calendar day in the given zone, so {@code to} is inclusive for dates).
 */
public record TimeRange(Instant from, Instant to) {

    public static TimeRange parse(String from, String to, ZoneId zone) {
        TimeRange range = new TimeRange(bound("from", from, zone, false), bound("to", to, zone, true));
        if (range.from != null && range.to != null && !range.from.isBefore(range.to)) {
            throw Problems.badRequest("from must be before to");
        }
        return range;
    }

    private static Instant bound(String name, String value, ZoneId zone, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException notADate) {
                throw Problems.badRequest(name + " must be an ISO instant (2026-03-01T08:00:00Z) or date (2026-03-01)");
            }
        }
    }
}
