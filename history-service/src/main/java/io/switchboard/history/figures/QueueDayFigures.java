package io.switchboard.history.figures;

import java.util.Map;

/**
 * Figures of one queue on one day (of requests): averages in seconds over the interactions where both ends are
 * known (wait = accepted − requested, handle = done − accepted), null when none is; {@code surveys} counts the
 * interactions whose contact answered the satisfaction survey, {@code averageScore} is their average score (1-5),
 * null when none did.
 */
public record QueueDayFigures(String queue, String day, long interactions, Double averageWaitSeconds,
                              Double averageHandleSeconds, Map<String, Long> dispositions, long surveys,
                              Double averageScore) {
}
