package io.switchboard.routing.stats;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.routing.RoutingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Publishes every queue's figures to {@code routing.stats} once per period, and adds them to the minute samples of
 * the supervisors' chart. Each replica tries; the one that claims the period in {@code job_lease} does it, so
 * dashboards get one set per period.
 */
@ApplicationScoped
public class StatsPublisher {

    private static final String CLAIM_PERIOD = """
            update job_lease set last_run = $1
            where name = 'routing-stats' and last_run <= cast($1 as timestamptz) - cast($2 as integer) * interval '1 millisecond'""";

    private final QueueFigures figures;
    private final MinuteSamples samples;
    private final EventOutbox outbox;
    private final int periodMillis;
    private final Transactions tx;

    public StatsPublisher(QueueFigures figures, MinuteSamples samples, EventOutbox outbox, RoutingConfig config,
                          Transactions tx) {
        this.tx = tx;
        this.samples = samples;
        this.figures = figures;
        this.outbox = outbox;
        this.periodMillis = (int) config.stats().publishInterval().toMillis();
    }

    @Scheduled(every = "${switchboard.routing.stats.publish-interval}",
            delayed = "${switchboard.routing.stats.publish-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> publish() {
        // A little slack (half a period) so that the replica whose timer fires first each period wins.
        return tx.commit(() -> NativeSql.update(CLAIM_PERIOD, Instant.now(), periodMillis / 2)
                .chain(claimed -> claimed == 0 ? Uni.createFrom().voidItem() : figures.compute()
                        .call(list -> samples.record(list, Instant.now()))
                        .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                        .onItem().transformToUniAndConcatenate(outbox::publish)
                        .collect().asList().replaceWithVoid()));
    }
}
