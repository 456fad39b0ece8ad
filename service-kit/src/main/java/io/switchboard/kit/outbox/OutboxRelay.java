package io.switchboard.kit.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.KafkaTopics;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This replica's relay of the service's outbox (see {@link RelayWorker} for how it publishes). It is woken by
 * PostgreSQL's NOTIFY at the commit of new outbox rows ({@link OutboxNotifications}), on every replica, and by its
 * poll, the safety net that also renews its lane leases.
 */
@ApplicationScoped
public class OutboxRelay {

    private final Vertx vertx;
    private final Pool pool;
    private final PgConnectOptions connectOptions;
    private final OutboxConfig config;
    private final KafkaTopics topics;
    private final String source;
    private final MeterRegistry metrics;
    private final String bootstrapServers;
    private OutboxProducer producer;
    private RelayWorker worker;

    /**
     * The relay gets connections of its own ({@code switchboard.outbox.pool-size}), not the service's pool: when
     * requests and consumers queue for the service's connections (more offered than the database commits), the
     * relay's statements waited behind thousands of them, nothing committed was published until the load stopped,
     * and its lane leases ran out while it waited. With its own, it publishes whatever commits.
     *
     * <p>Its connections are closed after {@code statement-timeout} without a byte either way: a connection that
     * fell silent (half-open after a network fault) would otherwise hold the statement on it, and with it a lane,
     * forever; the poll keeps the healthy ones busy.
     */
    public OutboxRelay(Vertx vertx, OutboxConfig config, KafkaTopics topics, MeterRegistry metrics,
                       @ConfigProperty(name = "quarkus.application.name") String source,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                       @ConfigProperty(name = "quarkus.datasource.username") String user,
                       @ConfigProperty(name = "quarkus.datasource.password") String password,
                       @ConfigProperty(name = "quarkus.datasource.reactive.cache-prepared-statements")
                       boolean cachePreparedStatements) {
        this.vertx = vertx;
        this.config = config;
        this.connectOptions = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password).setCachePreparedStatements(cachePreparedStatements);
        this.pool = newPool(connectOptions.getHost(), connectOptions.getPort());
        this.topics = topics;
        this.source = source;
        this.metrics = metrics;
        this.bootstrapServers = bootstrapServers;
    }

    /** Where the outbox's database is, for the listening connection ({@link OutboxNotifications}). */
    PgConnectOptions connectOptions() {
        return connectOptions;
    }

    /**
     * A pool like the relay's own to the outbox's database at {@code host:port} (the relay's: its configured address;
     * tests: a proxy to it). Its owner closes it.
     */
    public Pool newPool(String host, int port) {
        PgConnectOptions options = new PgConnectOptions(connectOptions).setHost(host).setPort(port)
                .setIdleTimeout((int) config.statementTimeout().toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        return Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(config.poolSize()).setName("outbox-relay-" + host + ":" + port))
                .connectingTo(options).using(vertx.getDelegate()).build());
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
        pool.closeAndAwait();
    }

    /** Another relay on this database, as a second replica would run it (tests, benchmarks). */
    public RelayWorker newWorker(OutboxProducer with) {
        return newWorker(with, pool);
    }

    /** Another relay on this database with connections of {@code from} ({@link #newPool}). */
    public RelayWorker newWorker(OutboxProducer with, Pool from) {
        return new RelayWorker(from, with, config, topics, source, metrics);
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
        return new OutboxRows(new RelaySql(pool, config.statementTimeout()))
                .prune(Instant.now().minus(config.retention())).replaceWithVoid();
    }
}
