package io.switchboard.routing.queue;

import io.switchboard.events.OpeningHours;
import io.switchboard.events.OpeningInterval;
import io.switchboard.events.QueueHours;
import io.switchboard.kit.problem.Problems;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A queue's business hours as supervisors set and read them: an IANA time zone, the opening intervals of each day of
 * the week ({@code HH:mm}, several a day, none overlapping) and holidays (closed all day). A null time zone reads as
 * "no hours": always open.
 */
public record HoursDefinition(String timeZone, List<OpeningInterval> weekly, List<String> holidays) {

    /** Enough for every day split into a few shifts, and for years of holidays. */
    static final int MAX_INTERVALS = 50;
    static final int MAX_HOLIDAYS = 400;
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    static HoursDefinition of(BusinessHours hours) {
        if (hours == null || hours.timeZone == null) {
            return new HoursDefinition(null, List.of(), List.of());
        }
        QueueHours event = hours.event();
        return new HoursDefinition(event.timeZone(), event.weekly(), event.holidays());
    }

    /**
     * Refuses what {@link OpeningHours} could not read, naming the field at fault (400 problem+json, nothing
     * changed): an unknown zone, a time that is not {@code HH:mm}, an end not after its start, intervals of one day
     * that overlap, a date that is not {@code yyyy-MM-dd}.
     */
    HoursDefinition checked() {
        if (timeZone == null || timeZone.isBlank()) {
            throw Problems.invalidField("timeZone", "an IANA time zone such as Europe/Paris is required");
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw Problems.invalidField("timeZone", "unknown time zone '" + timeZone + "'");
        }
        List<OpeningInterval> intervals = weekly == null ? List.of() : weekly;
        if (intervals.size() > MAX_INTERVALS) {
            throw Problems.invalidField("weekly", "at most " + MAX_INTERVALS + " intervals");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            OpeningInterval interval = intervals.get(i);
            String field = "weekly[" + i + "]";
            if (interval == null || interval.day() == null) {
                throw Problems.invalidField(field + ".day", "a day of the week (MONDAY ... SUNDAY) is required");
            }
            LocalTime start = time(field + ".start", interval.start(), false);
            LocalTime end = time(field + ".end", interval.end(), true);
            if (end != null && !end.isAfter(start)) {
                throw Problems.invalidField(field + ".end", "must be after the start (" + interval.start() + ")");
            }
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> intervals.get(i).day())
                .thenComparing(i -> intervals.get(i).start()));
        for (int k = 1; k < order.size(); k++) {
            OpeningInterval before = intervals.get(order.get(k - 1));
            OpeningInterval after = intervals.get(order.get(k));
            if (before.day() == after.day() && (OpeningHours.END_OF_DAY.equals(before.end())
                    || before.end().compareTo(after.start()) > 0)) {
                throw Problems.invalidField("weekly[" + order.get(k) + "]", "overlaps " + before.day() + " "
                        + before.start() + "-" + before.end());
            }
        }
        List<String> dates = holidays == null ? List.of() : holidays;
        if (dates.size() > MAX_HOLIDAYS) {
            throw Problems.invalidField("holidays", "at most " + MAX_HOLIDAYS + " dates");
        }
        for (int i = 0; i < dates.size(); i++) {
            try {
                LocalDate.parse(dates.get(i));
            } catch (DateTimeParseException | NullPointerException e) {
                throw Problems.invalidField("holidays[" + i + "]", "a date such as 2026-12-25 is required");
            }
        }
        return new HoursDefinition(timeZone, List.copyOf(intervals), dates.stream().distinct().sorted().toList());
    }

    /** A {@code HH:mm} time; {@code 24:00} (null) only as an end. */
    private static LocalTime time(String field, String value, boolean end) {
        if (end && OpeningHours.END_OF_DAY.equals(value)) {
            return null;
        }
        try {
            return LocalTime.parse(value, HOUR_MINUTE);
        } catch (DateTimeParseException | NullPointerException e) {
            throw Problems.invalidField(field, "a time HH:mm is required" + (end ? " (24:00 for midnight)" : ""));
        }
    }
}
