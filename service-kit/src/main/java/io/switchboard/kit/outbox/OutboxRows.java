package io.switchboard.kit.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The relay's statements on {@code outbox_event}, each on its own (autocommit, one round trip): claiming a batch is
 * a plain read, since the lane's lease, not a row lock, keeps other relays away from it.
 */
final class OutboxRows {

    private static final String WAITING = "published_at is null and parked_at is null";

    private final RelaySql sql;

    OutboxRows(RelaySql sql) {
        this.sql = sql;
    }

    /** The lanes that have rows waiting. */
    Uni<Set<Integer>> lanesWithWork(int lanes) {
        return sql.execute("select distinct key_hash % $1 as lane from outbox_event where " + WAITING,
                Tuple.of(lanes))
                .map(rows -> {
                    Set<Integer> found = new HashSet<>();
                    rows.forEach(row -> found.add(row.getInteger("lane")));
                    return found;
                });
    }

    /** The oldest waiting rows of a lane, in commit (seq) order. */
    Uni<List<PendingRow>> claim(int lanes, int lane, int batchSize) {
        return sql.execute("select seq, id, topic, record_key, event_type, payload, created_at, trace_parent, trace_state "
                        + "from outbox_event where " + WAITING + " and key_hash % $1 = $2 order by seq limit $3",
                Tuple.of(lanes, lane, batchSize))
                .map(rows -> {
                    List<PendingRow> batch = new ArrayList<>();
                    rows.forEach(row -> batch.add(pending(row)));
                    return batch;
                });
    }

    /** Marks the acknowledged rows in one statement, if this relay still holds the lane. */
    Uni<Integer> markPublished(String owner, Lease lease, List<Long> seqs) {
        if (seqs.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return sql.execute("update outbox_event set published_at = now() where seq = any($1) and exists "
                        + "(select 1 from outbox_lane where lane = $2 and owner = $3 and fence = $4)",
                Tuple.of(seqs.toArray(new Long[0]), lease.lane(), owner, lease.fence()))
                .map(rows -> rows.rowCount());
    }

    /**
     * Counts a refusal of the broker against the row, and parks it when it reached {@code maxAttempts}; answers
     * whether it is now parked.
     */
    Uni<Boolean> refused(String owner, Lease lease, long seq, String error, int maxAttempts) {
        return sql.execute("update outbox_event set attempts = attempts + 1, last_error = $2, "
                        + "parked_at = case when attempts + 1 >= $3 then now() end "
                        + "where seq = $1 and exists "
                        + "(select 1 from outbox_lane where lane = $4 and owner = $5 and fence = $6) "
                        + "returning parked_at is not null as parked",
                Tuple.from(List.of(seq, error, maxAttempts, lease.lane(), owner, lease.fence())))
                .map(rows -> rows.size() == 1 && rows.iterator().next().getBoolean("parked"));
    }

    /** Deletes published rows older than {@code before}; parked rows stay until an operator acts on them. */
    Uni<Integer> prune(Instant before) {
        return sql.execute("delete from outbox_event where published_at < $1",
                Tuple.of(OffsetDateTime.ofInstant(before, ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
    }

    private static PendingRow pending(Row row) {
        return new PendingRow(row.getLong("seq"), row.getUUID("id"), row.getString("topic"),
                row.getString("record_key"), row.getString("event_type"), row.getString("payload"),
                row.getOffsetDateTime("created_at").toInstant(), row.getString("trace_parent"),
                row.getString("trace_state"));
    }

    /** One row to send; {@code traceParent}/{@code traceState} are null when nothing was traced. */
    record PendingRow(long seq, UUID id, String topic, String recordKey, String eventType, String payload,
                      Instant createdAt, String traceParent, String traceState) {
    }
}
