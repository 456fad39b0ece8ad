package io.switchboard.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a queue is open, closes and opens next, in its own time zone. */
class OpeningHoursTest {

    /** Mon-Fri 09:00-12:30 and 14:00-18:00 in Paris, closed on Christmas Day 2026 (a Friday). */
    private static final QueueHours OFFICE = new QueueHours("sales", "Europe/Paris", weekdays(), List.of("2026-12-25"),
            1, Instant.EPOCH);

    @Test
    void openWithinAnIntervalUntilItsEnd() {
        OpeningHours.Availability at = OpeningHours.at(OFFICE, Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(at).isEqualTo(new OpeningHours.Availability(true, null, Instant.parse("2026-12-01T11:30:00Z")));
    }

    @Test
    void closedAtLunchOpensInTheAfternoon() {
        OpeningHours.Availability at = OpeningHours.at(OFFICE, Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(at).isEqualTo(new OpeningHours.Availability(false, Instant.parse("2026-12-01T13:00:00Z"), null));
    }

    @Test
    void aHolidayAndTheWeekendAreSkipped() {
        OpeningHours.Availability at = OpeningHours.at(OFFICE, Instant.parse("2026-12-24T18:00:00Z"));
        assertThat(at).isEqualTo(new OpeningHours.Availability(false, Instant.parse("2026-12-28T08:00:00Z"), null));
    }

    @Test
    void theTimeZoneDecidesTheDayAndDaylightSavingMovesTheInstant() {
        // 07:30 UTC on a Monday in July is 09:30 in Paris (summer time): open.
        assertThat(OpeningHours.at(OFFICE, Instant.parse("2026-07-06T07:30:00Z")).open()).isTrue();
        // 07:30 UTC on a Monday in December is 08:30 in Paris: opens at 09:00 local, 08:00 UTC.
        assertThat(OpeningHours.at(OFFICE, Instant.parse("2026-12-07T07:30:00Z")).opensAt())
                .isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
    }

    @Test
    void adjoiningIntervalsAcrossMidnightCloseOnce() {
        QueueHours late = new QueueHours("night", "UTC", List.of(
                new OpeningInterval(DayOfWeek.MONDAY, "20:00", OpeningHours.END_OF_DAY),
                new OpeningInterval(DayOfWeek.TUESDAY, "00:00", "02:00")), List.of(), 1, Instant.EPOCH);
        assertThat(OpeningHours.at(late, Instant.parse("2026-11-30T23:00:00Z")))
                .isEqualTo(new OpeningHours.Availability(true, null, Instant.parse("2026-12-01T02:00:00Z")));
    }

    @Test
    void noHoursIsAlwaysOpenAndNoIntervalNeverOpens() {
        assertThat(OpeningHours.at(new QueueHours("q", null, List.of(), List.of(), 1, Instant.EPOCH), Instant.now()))
                .isEqualTo(OpeningHours.Availability.ALWAYS);
        assertThat(OpeningHours.at(new QueueHours("q", "UTC", List.of(), List.of(), 1, Instant.EPOCH), Instant.now()))
                .isEqualTo(new OpeningHours.Availability(false, null, null));
    }

    private static List<OpeningInterval> weekdays() {
        List<OpeningInterval> week = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.add(new OpeningInterval(day, "09:00", "12:30"));
            week.add(new OpeningInterval(day, "14:00", "18:00"));
        }
        return week;
    }
}
