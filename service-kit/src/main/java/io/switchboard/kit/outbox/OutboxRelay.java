package io.switchboard.kit.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.KafkaTopics;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This replica's relay of the service's outbox (see {@link RelayWorker} for how it publishes). It is woken by
 * PostgreSQL's NOTIFY at the commit of new outbox rows ({@link OutboxNotifications}), on every replica, and by its
 * poll, the safety net that also renews its lane leases.
 */
@ApplicationScoped
public class OutboxRelay {

    private final Pool pool;
    private final OutboxConfig config;
    private final KafkaTopics topics;
    private final String source;
    private final MeterRegistry metrics;
    private final String bootstrapServers;
    private OutboxProducer producer;
    private RelayWorker worker;

    public OutboxRelay(Pool pool, OutboxConfig config, KafkaTopics topics, MeterRegistry metrics,
                       @ConfigProperty(name = "quarkus.application.name") String source,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.pool = pool;
        this.config = config;
        this.topics = topics;
        this.source = source;
        this.metrics = metrics;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent event) {
        producer = new OutboxProducer(bootstrapServers, config.producer());
        producer.bindMetrics(metrics);
        worker = newWorker(producer);
        worker.start().subscribe().with(ignored -> { },
                failure -> Log.warnf("outbox relay start failed, the poll retries: %s", failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.stop().await().atMost(config.leaseMargin());
        }
        if (producer != null) {
            producer.close();
        }
    }

    /** Another relay on this database, as a second replica would run it (tests, benchmarks). */
    public RelayWorker newWorker(OutboxProducer with) {
        return new RelayWorker(pool, with, config, topics, source, metrics);
    }

    /** This replica's relay. */
    public RelayWorker worker() {
        return worker;
    }

    @Scheduled(every = "${switchboard.outbox.poll-interval}", delayed = "${switchboard.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        return worker == null ? Uni.createFrom().voidItem() : worker.tick();
    }

    /** Publishes what waits in this replica's lanes now. */
    public void wake() {
        if (worker != null) {
            worker.wake().subscribe().with(ignored -> { }, failure -> Log.debugf(failure, "outbox wake failed"));
        }
    }

    /** Published rows are kept a while for inspection, then deleted; parked rows stay. */
    @Scheduled(every = "${switchboard.outbox.prune-interval}", delayed = "${switchboard.outbox.prune-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> prune() {
        return new OutboxRows(pool).prune(Instant.now().minus(config.retention())).replaceWithVoid();
    }
}
