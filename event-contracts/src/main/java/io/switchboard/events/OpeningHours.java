package io.switchboard.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one reading of {@link QueueHours}: whether a queue is open at an instant, when it closes and when it opens
 * next. Routing answers the widget and checks chats at intake with it, session-service refuses chat requests with it:
 * sharing it keeps them from disagreeing about a queue near its closing time.
 */
public final class OpeningHours {

    /** Midnight at the end of the day, as an interval's end. */
    public static final String END_OF_DAY = "24:00";
    /** How far ahead the next opening is searched: a year of holidays and a week beyond. */
    private static final int DAYS_AHEAD = 373;

    /**
     * @param opensAt  the next opening when closed; null when open or when no opening comes within a year
     * @param closesAt the end of the current opening when open (adjoining intervals count as one); null when closed or
     *                 always open
     */
    public record Availability(boolean open, Instant opensAt, Instant closesAt) {

        public static final Availability ALWAYS = new Availability(true, null, null);
    }

    private OpeningHours() {
    }

    public static Availability at(QueueHours hours, Instant now) {
        if (hours == null || hours.alwaysOpen()) {
            return Availability.ALWAYS;
        }
        ZoneId zone = ZoneId.of(hours.timeZone());
        Set<LocalDate> holidays = new HashSet<>();
        hours.holidays().forEach(day -> holidays.add(LocalDate.parse(day)));
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant closesAt = null;
        for (LocalDate day = today; day.isBefore(today.plusDays(DAYS_AHEAD)); day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                if (closesAt != null) {
                    return new Availability(true, null, closesAt);
                }
                continue;
            }
            for (Instant[] interval : intervals(hours, zone, day)) {
                if (closesAt != null) {
                    if (!interval[0].equals(closesAt)) {
                        return new Availability(true, null, closesAt);
                    }
                    closesAt = interval[1];
                } else if (interval[1].isAfter(now)) {
                    if (interval[0].isAfter(now)) {
                        return new Availability(false, interval[0], null);
                    }
                    closesAt = interval[1];
                }
            }
            if (closesAt != null && !closesAt.equals(day.plusDays(1).atStartOfDay(zone).toInstant())) {
                return new Availability(true, null, closesAt);
            }
        }
        return closesAt != null ? new Availability(true, null, closesAt) : new Availability(false, null, null);
    }

    /** The day's intervals as instants, in order (a wall time in a daylight-saving gap moves past the gap). */
    private static List<Instant[]> intervals(QueueHours hours, ZoneId zone, LocalDate day) {
        List<Instant[]> found = new ArrayList<>();
        for (OpeningInterval interval : hours.weekly()) {
            if (interval.day() == day.getDayOfWeek()) {
                found.add(new Instant[] {ZonedDateTime.of(day, LocalTime.parse(interval.start()), zone).toInstant(),
                        END_OF_DAY.equals(interval.end()) ? day.plusDays(1).atStartOfDay(zone).toInstant()
                                : ZonedDateTime.of(day, LocalTime.parse(interval.end()), zone).toInstant()});
            }
        }
        found.sort(Comparator.comparing(i -> i[0]));
        return found;
    }
}
