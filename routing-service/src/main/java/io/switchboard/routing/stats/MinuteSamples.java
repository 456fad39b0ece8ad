package io.switchboard.routing.stats;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.QueueStats;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.routing.RoutingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-minute samples behind the supervisors' chart of the last hour. Kept in the database, not in memory, so a
 * supervisor who opens the board, on any replica, sees the whole hour at once.
 */
@ApplicationScoped
public class MinuteSamples {

    private static final String UPSERT = """
            insert into queue_minute (queue, minute, waiting_peak, longest_wait_peak, service_level, agents_ready)
            values ($1, $2, $3, $4, $5, $6)
            on conflict (queue, minute) do update set
              waiting_peak = greatest(queue_minute.waiting_peak, excluded.waiting_peak),
              longest_wait_peak = greatest(queue_minute.longest_wait_peak, excluded.longest_wait_peak),
              service_level = excluded.service_level,
              agents_ready = excluded.agents_ready""";
    private static final String PRUNE = "delete from queue_minute where minute < $1";
    private static final String LAST = """
            select queue, minute, waiting_peak, longest_wait_peak, service_level from queue_minute
            where minute >= $1 order by queue, minute""";

    /** One minute of one queue's chart. */
    public record Point(Instant minute, int waiting, long longestWaitSeconds, Double serviceLevel) {
    }

    private final long windowMinutes;

    public MinuteSamples(RoutingConfig config) {
        this.windowMinutes = config.stats().chartWindow().toMinutes();
    }

    /** Adds the figures to their minute and forgets minutes out of the window; runs inside the caller's transaction. */
    public Uni<Void> record(List<QueueStats> figures, Instant now) {
        OffsetDateTime minute = minute(now);
        return Multi.createFrom().iterable(figures)
                .onItem().transformToUniAndConcatenate(q -> NativeSql.update(UPSERT, q.queue(), minute, q.waiting(),
                        q.longestWaitSeconds(), q.serviceLevel(), q.agentsReady()))
                .collect().last()
                .chain(() -> NativeSql.update(PRUNE, oldest(now)))
                .replaceWithVoid();
    }

    /** Every queue's points of the window, oldest first; runs inside the caller's session. */
    public Uni<Map<String, List<Point>>> lastWindow(Instant now) {
        return NativeSql.rows(LAST, oldest(now))
                .map(rows -> {
                    Map<String, List<Point>> byQueue = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        byQueue.computeIfAbsent((String) row[0], q -> new ArrayList<>()).add(new Point(
                                instant(row[1]), ((Number) row[2]).intValue(), ((Number) row[3]).longValue(),
                                row[4] == null ? null : ((Number) row[4]).doubleValue()));
                    }
                    return byQueue;
                });
    }

    private OffsetDateTime oldest(Instant now) {
        return minute(now).minusMinutes(windowMinutes - 1);
    }

    private static OffsetDateTime minute(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }
}
