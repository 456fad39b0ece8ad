package io.switchboard.kit.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.switchboard.kit.KafkaTopics;
import io.switchboard.kit.outbox.OutboxRows.PendingRow;
import io.switchboard.kit.trace.TraceContexts;
import io.vertx.mutiny.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One relay of a service's outbox: it holds some of the lanes (leases in {@code outbox_lane}, a fair share of the
 * relays alive) and publishes each of its lanes in seq order, so one chat's events keep their order while the
 * replicas publish the other lanes in parallel.
 *
 * <p>A batch: renew the lane's lease, read the lane's oldest waiting rows, send them and wait for the broker's
 * acknowledgements with no transaction open and no connection held, then mark the acknowledged rows in one
 * statement. A crash between send and mark sends those rows again later; consumers are idempotent (event ids),
 * so that costs a duplicate on the topic, never a duplicate effect. A relay only sends while its lease has more
 * than the producer's longest send ({@link OutboxProducer#sendBound()}) plus a margin left, so every record it
 * hands to Kafka is acknowledged or failed before another relay can take the lane; its marks and parkings also
 * check the lane's fence.
 *
 * <p>A record the broker refuses counts an attempt on its row; at {@code max-attempts} the row is parked (kept, not
 * sent again, logged at ERROR, counted in {@code switchboard.outbox.parkings}) and the lane carries on. An outage
 * (timeouts, no connection) is no fault of the record: the lane backs off and tries again, forever.
 */
public final class RelayWorker {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private final String owner = UUID.randomUUID().toString();
    private final OutboxConfig config;
    private final OutboxProducer producer;
    private final KafkaTopics topics;
    private final String source;
    private final MeterRegistry metrics;
    private final LaneLeases leases;
    private final OutboxRows rows;
    private final Map<Integer, Lane> held = new ConcurrentHashMap<>();
    private final AtomicBoolean scanning = new AtomicBoolean();
    private final AtomicBoolean scanAgain = new AtomicBoolean();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong outages = new AtomicLong();
    private volatile boolean stopped;

    public RelayWorker(Pool pool, OutboxProducer producer, OutboxConfig config, KafkaTopics topics, String source,
                       MeterRegistry metrics) {
        Duration needed = producer.sendBound().plus(config.leaseMargin());
        if (config.leaseDuration().compareTo(needed) <= 0) {
            throw new IllegalArgumentException("switchboard.outbox.lease-duration must be longer than max.block.ms"
                    + " + delivery.timeout.ms of the relay's producer + lease-margin (" + needed + ")");
        }
        this.config = config;
        this.producer = producer;
        this.topics = topics;
        this.source = source;
        this.metrics = metrics;
        RelaySql sql = new RelaySql(pool, config.statementTimeout());
        this.leases = new LaneLeases(sql, config.leaseDuration());
        this.rows = new OutboxRows(sql);
    }

    public String owner() {
        return owner;
    }

    /** The lanes held now, for tests and diagnostics. */
    public Set<Integer> lanes() {
        return Set.copyOf(held.keySet());
    }

    /** Rows this relay published (acknowledged and marked), for tests and diagnostics. */
    public long published() {
        return published.get();
    }

    /** Batches that found the broker unreachable or slow (and were left to a later round), for tests and diagnostics. */
    public long outages() {
        return outages.get();
    }

    public Uni<Void> start() {
        return leases.ensure(config.lanes()).chain(this::tick);
    }

    /**
     * The poll: says this relay is alive, renews its leases, takes or gives up lanes towards its fair share, then
     * publishes what waits in its lanes.
     */
    public Uni<Void> tick() {
        if (stopped) {
            return Uni.createFrom().voidItem();
        }
        return leases.heartbeat(owner)
                .chain(relays -> leases.renewAll(owner).chain(kept -> rebalance(relays, kept)))
                .chain(this::wake)
                .onFailure().invoke(failure -> Log.warnf("outbox relay round failed, will retry: %s",
                        SendFailures.describe(failure)))
                .onFailure().recoverWithNull();
    }

    /** Publishes what waits in the lanes this relay holds (after a NOTIFY, or at the poll). */
    public Uni<Void> wake() {
        if (stopped || held.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (!scanning.compareAndSet(false, true)) {
            scanAgain.set(true);
            return Uni.createFrom().voidItem();
        }
        scanAgain.set(false);
        return rows.lanesWithWork(config.lanes())
                .invoke(lanes -> lanes.forEach(lane -> {
                    Lane mine = held.get(lane);
                    if (mine != null) {
                        drain(mine).subscribe().with(ignored -> { }, failure -> { });
                    }
                }))
                .replaceWithVoid()
                .onFailure().invoke(failure -> Log.warnf("outbox scan failed, will retry: %s",
                        SendFailures.describe(failure)))
                .onFailure().recoverWithNull()
                .eventually(() -> scanning.set(false))
                .chain(() -> scanAgain.get() ? wake() : Uni.createFrom().voidItem());
    }

    /** Gives up every lane (another relay takes them at once) and closes nothing else. */
    public Uni<Void> stop() {
        stopped = true;
        held.clear();
        return leases.leave(owner).onFailure().recoverWithNull();
    }

    private Uni<Void> rebalance(int relays, List<Lease> kept) {
        Set<Integer> keptLanes = new java.util.HashSet<>();
        for (Lease lease : kept) {
            keptLanes.add(lease.lane());
            held.compute(lease.lane(), (lane, known) -> known != null && known.lease.equals(lease) ? known
                    : new Lane(lease));
        }
        held.keySet().removeIf(lane -> !keptLanes.contains(lane));
        // This relay is alive whatever the count says (its own row may have expired while its statements waited).
        int alive = Math.max(1, relays);
        int share = (config.lanes() + alive - 1) / alive;
        if (held.size() > share) {
            return releaseIdle(held.size() - share);
        }
        if (held.size() < share) {
            return leases.acquire(owner, config.lanes(), share - held.size())
                    .invoke(taken -> taken.forEach(lease -> held.put(lease.lane(), new Lane(lease))))
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    /** A lane in the middle of a batch is kept until the next round: its records must not overlap another's. */
    private Uni<Void> releaseIdle(int count) {
        List<Uni<Void>> releases = new ArrayList<>();
        for (Lane lane : held.values()) {
            if (releases.size() == count) {
                break;
            }
            if (lane.running.compareAndSet(false, true)) {
                held.remove(lane.lease.lane());
                releases.add(leases.release(owner, lane.lease));
            }
        }
        return releases.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(releases).andCollectFailures().replaceWithVoid();
    }

    /** Relays batches of one lane until it is empty; overlapping calls coalesce into one more round. */
    private Uni<Void> drain(Lane lane) {
        if (!lane.running.compareAndSet(false, true)) {
            lane.again.set(true);
            return Uni.createFrom().voidItem();
        }
        lane.again.set(false);
        return batch(lane)
                .onFailure().invoke(failure -> {
                    lane.backOff(config);
                    Log.warnf("outbox lane %d failed, will retry: %s", lane.lease.lane(),
                            SendFailures.describe(failure));
                })
                .onFailure().recoverWithItem(false)
                .eventually(() -> lane.running.set(false))
                .chain(more -> (more || lane.again.get()) && held.get(lane.lease.lane()) == lane && !stopped
                        ? drain(lane) : Uni.createFrom().voidItem());
    }

    /** One batch; true when the lane may hold more right now. */
    private Uni<Boolean> batch(Lane lane) {
        if (System.nanoTime() < lane.notBefore) {
            return Uni.createFrom().item(false);
        }
        long leaseStart = System.nanoTime();
        return leases.renew(owner, lane.lease).chain(renewed -> {
            if (!renewed) {
                held.remove(lane.lease.lane(), lane);
                Log.infof("outbox lane %d was taken over, stopping it", lane.lease.lane());
                return Uni.createFrom().item(false);
            }
            return rows.claim(config.lanes(), lane.lease.lane(), config.batchSize())
                    .chain(batch -> batch.isEmpty() ? Uni.createFrom().item(false)
                            : send(lane, batch, leaseStart).map(complete -> complete
                            && batch.size() == config.batchSize()));
        });
    }

    /** Sends a batch and records its outcome; true when every record was acknowledged. */
    private Uni<Boolean> send(Lane lane, List<PendingRow> batch, long leaseStart) {
        long leaseEnd = leaseStart + config.leaseDuration().toNanos();
        long lastAck = leaseEnd - config.leaseMargin().toNanos();
        if (lastAck - System.nanoTime() <= producer.sendBound().toNanos()) {
            // The round trips before the send ate the slack (a stalled process): the next round renews first.
            return Uni.createFrom().item(false);
        }
        return Uni.createFrom().item(() -> batch.stream().map(row -> producer.send(record(row))).toList())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(acks -> outcomes(batch, acks, Duration.ofNanos(Math.max(1, lastAck - System.nanoTime()))))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .chain(outcomes -> record(lane, outcomes));
    }

    private Uni<List<Outcome>> outcomes(List<PendingRow> batch, List<CompletableFuture<Void>> acks,
                                        Duration untilLeaseEnds) {
        List<Uni<Outcome>> each = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            PendingRow row = batch.get(i);
            each.add(Uni.createFrom().completionStage(acks.get(i))
                    .map(ignored -> new Outcome(row, null))
                    .ifNoItem().after(untilLeaseEnds).fail()
                    .onFailure().recoverWithItem(failure -> new Outcome(row, failure)));
        }
        return Uni.join().all(each).andFailFast();
    }

    private Uni<Boolean> record(Lane lane, List<Outcome> outcomes) {
        List<Long> acked = new ArrayList<>();
        List<Outcome> refused = new ArrayList<>();
        Throwable outage = null;
        for (Outcome outcome : outcomes) {
            if (outcome.failure == null) {
                acked.add(outcome.row.seq());
            } else if (SendFailures.isTransient(outcome.failure)) {
                outage = outage == null ? outcome.failure : outage;
            } else {
                refused.add(outcome);
            }
        }
        if (outage != null || !refused.isEmpty()) {
            lane.backOff(config);
        } else {
            lane.recovered();
        }
        if (outage != null) {
            outages.incrementAndGet();
            Log.warnf("outbox lane %d: broker unavailable, %d record(s) wait: %s", lane.lease.lane(),
                    outcomes.size() - acked.size() - refused.size(), SendFailures.describe(outage));
        }
        boolean complete = outage == null && refused.isEmpty();
        return rows.markPublished(owner, lane.lease, acked)
                .invoke(marked -> {
                    published.addAndGet(marked);
                    metrics.counter("switchboard.outbox.published").increment(marked);
                })
                .chain(() -> Multi.createFrom().iterable(refused)
                        .onItem().transformToUniAndConcatenate(outcome -> refuse(lane, outcome))
                        .collect().last())
                .replaceWith(complete);
    }

    private Uni<Void> refuse(Lane lane, Outcome outcome) {
        String reason = SendFailures.describe(outcome.failure);
        PendingRow row = outcome.row;
        return rows.refused(owner, lane.lease, row.seq(), reason, config.maxAttempts()).invoke(parked -> {
            if (parked) {
                // Not "switchboard.outbox.parked": that is the gauge of rows parked now (OutboxGauges).
                metrics.counter("switchboard.outbox.parkings", "topic", row.topic()).increment();
                Log.errorf("outbox row %d (event %s, %s, key %s) parked after %d refusals: %s", row.seq(), row.id(),
                        row.eventType(), row.recordKey(), config.maxAttempts(), reason);
            } else {
                Log.warnf("outbox row %d (event %s) refused, will retry: %s", row.seq(), row.id(), reason);
            }
        }).replaceWithVoid();
    }

    private ProducerRecord<String, String> record(PendingRow row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", row.id().toString());
        header(headers, "ce_type", row.eventType());
        header(headers, "ce_source", "/" + source);
        header(headers, "ce_time", TIME.format(row.createdAt().atOffset(ZoneOffset.UTC)));
        header(headers, "content-type", "application/json");
        if (row.recordKey() != null) {
            header(headers, "ce_subject", row.recordKey());
        }
        // The writer's trace context, so the consumers' spans join its trace (docs/operations.md, "Traces").
        if (row.traceParent() != null) {
            header(headers, TraceContexts.TRACEPARENT, row.traceParent());
            if (row.traceState() != null && !row.traceState().isEmpty()) {
                header(headers, TraceContexts.TRACESTATE, row.traceState());
            }
        }
        return new ProducerRecord<>(topics.name(row.topic()), null, row.recordKey(), row.payload(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private record Outcome(PendingRow row, Throwable failure) {
    }

    /** What this relay knows of one lane it holds. */
    private static final class Lane {
        final Lease lease;
        final AtomicBoolean running = new AtomicBoolean();
        final AtomicBoolean again = new AtomicBoolean();
        volatile long notBefore;
        volatile int failures;

        Lane(Lease lease) {
            this.lease = lease;
        }

        void backOff(OutboxConfig config) {
            long initial = config.initialBackOff().toNanos();
            long wait = Math.min(config.maxBackOff().toNanos(), initial << Math.min(failures, 20));
            failures++;
            notBefore = System.nanoTime() + wait;
        }

        void recovered() {
            failures = 0;
            notBefore = 0;
        }
    }
}
