package io.switchboard.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state of the service's outbox as gauges: rows waiting to be published, the age of the oldest of them, rows
 * parked. Every replica reports the whole outbox (one table per service): aggregate with {@code max by (service)},
 * not sum. Read from the database every {@code switchboard.metrics.refresh-interval}; both counts use the partial
 * indexes of V1_1, so they cost as much as the backlog is long.
 */
@Startup
@ApplicationScoped
public class OutboxGauges {

    public static final String BACKLOG = "switchboard.outbox.backlog";
    public static final String OLDEST_AGE = "switchboard.outbox.oldest.age.seconds";
    public static final String PARKED = "switchboard.outbox.parked";

    private static final String READ = """
            select (select count(*) from outbox_event where published_at is null and parked_at is null) as waiting,
              (select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox_event
                 where published_at is null and parked_at is null)::float8 as oldest,
              (select count(*) from outbox_event where parked_at is not null) as parked""";

    private final Pool pool;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestMillis = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    public OutboxGauges(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        Gauge.builder(BACKLOG, backlog, AtomicLong::get)
                .description("Outbox rows not yet published (the whole service's, as every replica sees it)")
                .register(registry);
        Gauge.builder(OLDEST_AGE, oldestMillis, millis -> millis.get() / 1000.0)
                .description("Age of the oldest outbox row not yet published; 0 when none waits")
                .baseUnit("seconds").register(registry);
        Gauge.builder(PARKED, parked, AtomicLong::get)
                .description("Outbox rows the broker refused, parked until an operator publishes them again")
                .register(registry);
    }

    @Scheduled(every = "${switchboard.metrics.refresh-interval}", delayed = "${switchboard.metrics.refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return pool.query(READ).execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    backlog.set(row.getLong("waiting"));
                    oldestMillis.set(Math.round(row.getDouble("oldest") * 1000));
                    parked.set(row.getLong("parked"));
                })
                .replaceWithVoid()
                // The values stay as last read: a database outage shows in readiness, not as an empty outbox.
                .onFailure().invoke(failure -> Log.debugf("outbox gauges not refreshed: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }
}
