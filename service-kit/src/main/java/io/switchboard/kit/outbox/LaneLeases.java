package io.switchboard.kit.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The lease rows of the lanes and the presence rows of the relays. Every statement runs on its own (autocommit):
 * nothing here holds a connection or a transaction beyond one round trip. The row lock an UPDATE takes on a lane
 * row orders a renewal and a takeover, and the fence in every condition makes the loser's statement a no-op.
 */
final class LaneLeases {

    private final RelaySql sql;
    private final long leaseMillis;

    LaneLeases(RelaySql sql, Duration lease) {
        this.sql = sql;
        this.leaseMillis = lease.toMillis();
    }

    /** Creates the lease rows of lanes 0..lanes-1 that do not exist yet. */
    Uni<Void> ensure(int lanes) {
        return sql.execute("insert into outbox_lane (lane) select generate_series(0, $1 - 1) "
                        + "on conflict (lane) do nothing",
                Tuple.of(lanes)).replaceWithVoid();
    }

    /** Says this relay is alive and answers how many relays are (itself included). */
    Uni<Integer> heartbeat(String owner) {
        return sql.execute("insert into outbox_relay (owner, expires_at) "
                        + "values ($1, now() + $2::bigint * interval '1 millisecond') "
                        + "on conflict (owner) do update set expires_at = excluded.expires_at",
                        Tuple.of(owner, leaseMillis))
                .chain(() -> sql.execute("delete from outbox_relay where expires_at < now()"))
                .chain(() -> sql.execute("select count(*) from outbox_relay"))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    Uni<Void> leave(String owner) {
        return sql.execute("delete from outbox_relay where owner = $1", Tuple.of(owner))
                .chain(() -> sql.execute("update outbox_lane set owner = null, expires_at = null "
                        + "where owner = $1", Tuple.of(owner)))
                .replaceWithVoid();
    }

    /** Renews every lane this relay holds; answers the ones it still holds (a lane missing was taken over). */
    Uni<List<Lease>> renewAll(String owner) {
        return sql.execute("update outbox_lane set expires_at = now() + $2::bigint * interval '1 millisecond' "
                        + "where owner = $1 returning lane, fence",
                Tuple.of(owner, leaseMillis))
                .map(LaneLeases::leases);
    }

    /** Renews one lane before a batch; false when this holding is over (taken over or released). */
    Uni<Boolean> renew(String owner, Lease lease) {
        return sql.execute("update outbox_lane set expires_at = now() + $3::bigint * interval '1 millisecond' "
                        + "where lane = $1 and owner = $2 and fence = $4",
                Tuple.of(lease.lane(), owner, leaseMillis, lease.fence()))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Takes up to {@code count} lanes below {@code lanes} that nobody holds or whose lease ran out. */
    Uni<List<Lease>> acquire(String owner, int lanes, int count) {
        return sql.execute("update outbox_lane set owner = $1, fence = fence + 1, "
                        + "expires_at = now() + $2::bigint * interval '1 millisecond' "
                        + "where lane in (select lane from outbox_lane "
                        + "  where lane < $3 and (owner is null or expires_at < now()) "
                        + "  order by lane limit $4 for update skip locked) "
                        + "returning lane, fence",
                Tuple.of(owner, leaseMillis, lanes, count))
                .map(LaneLeases::leases);
    }

    Uni<Void> release(String owner, Lease lease) {
        return sql.execute("update outbox_lane set owner = null, expires_at = null "
                        + "where lane = $1 and owner = $2 and fence = $3",
                Tuple.of(lease.lane(), owner, lease.fence()))
                .replaceWithVoid();
    }

    private static List<Lease> leases(Iterable<Row> rows) {
        List<Lease> leases = new ArrayList<>();
        for (Row row : rows) {
            leases.add(new Lease(row.getInteger("lane"), row.getLong("fence")));
        }
        return leases;
    }
}
