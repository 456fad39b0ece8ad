package io.switchboard.history.figures;

import java.time.Instant;
import java.util.List;

/**
 * Per queue and per day figures over a range of request times, and the survey figures per agent and day; days are
 * calendar days in {@code zone}.
 */
public record FiguresReport(String zone, Instant from, Instant to, List<QueueDayFigures> rows,
                            List<AgentDayFigures> agents) {
}
