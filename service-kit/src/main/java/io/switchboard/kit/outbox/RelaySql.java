package io.switchboard.kit.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The relay's statements, each on its own (autocommit, one round trip) and each with a bound on its answer. The
 * relay's rounds run one at a time per lane (and one scan at a time): a statement whose answer never came (a
 * connection lost mid-outage whose completion the pool dropped) would otherwise stop that lane for good while the
 * rest of the relay looked healthy. Past the bound the statement counts as failed and the round is tried again.
 */
final class RelaySql {

    private final Pool pool;
    private final Duration answerWithin;

    RelaySql(Pool pool, Duration answerWithin) {
        this.pool = pool;
        this.answerWithin = answerWithin;
    }

    Uni<RowSet<Row>> execute(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args)
                .ifNoItem().after(answerWithin)
                .failWith(() -> new TimeoutException("no answer from the database within " + answerWithin
                        + " to: " + sql));
    }

    Uni<RowSet<Row>> execute(String sql) {
        return execute(sql, Tuple.tuple());
    }
}
