package io.switchboard.kit.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.kit.KafkaTopics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes outbox rows to Kafka in commit order and marks them published only after the broker acknowledged them
 * (the channel uses acks=all and an idempotent producer). One relay at a time across all replicas holds a
 * transaction-scoped advisory lock, which keeps the order of each chat's events; a crash before marking means the
 * rows are sent again, which idempotent consumers absorb.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Any constant shared by the replicas of one service; each service has its own database. */
    private static final long RELAY_LOCK = 0x5357_4F55_5442_4F58L;

    private final MutinyEmitter<String> emitter;
    private final KafkaTopics topics;
    private final String source;
    private final int batchSize;
    private final Duration retention;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public OutboxRelay(@Channel("switchboard-outbox") MutinyEmitter<String> emitter, KafkaTopics topics,
                       @ConfigProperty(name = "quarkus.application.name") String source,
                       @ConfigProperty(name = "switchboard.outbox.batch-size") int batchSize,
                       @ConfigProperty(name = "switchboard.outbox.retention") Duration retention) {
        this.emitter = emitter;
        this.topics = topics;
        this.source = source;
        this.batchSize = batchSize;
        this.retention = retention;
    }

    @Scheduled(every = "${switchboard.outbox.poll-interval}", delayed = "${switchboard.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        return publishPending();
    }

    /** Publishes now instead of at the next poll, e.g. right after a commit; cheap to call often. */
    public void kick() {
        publishPending().subscribe().with(ignored -> { }, failure -> Log.debugf(failure, "outbox kick failed"));
    }

    /** Relays batches until the outbox is empty. Overlapping calls coalesce into one more round. */
    public Uni<Void> publishPending() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        again.set(false);
        return relayBatch()
                .onFailure().invoke(failure -> Log.warnf("outbox relay failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithItem(0)
                .eventually(() -> running.set(false))
                .chain(sent -> sent >= batchSize || again.get() ? publishPending() : Uni.createFrom().voidItem());
    }

    private Uni<Integer> relayBatch() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")", Boolean.class)
                .getSingleResult()
                .chain(locked -> !locked ? Uni.createFrom().item(0)
                        : OutboxEvent.<OutboxEvent>find("publishedAt is null order by seq").page(0, batchSize).list()
                        .chain(this::send))));
    }

    private Uni<Integer> send(List<OutboxEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // Subscribed in list order: the idempotent producer keeps that order within each partition.
        List<Uni<Void>> acks = batch.stream().map(row -> emitter.sendMessage(toMessage(row))).toList();
        Instant now = Instant.now();
        return Uni.join().all(acks).andFailFast()
                .invoke(() -> batch.forEach(row -> row.publishedAt = now))
                .replaceWith(batch.size());
    }

    private Message<String> toMessage(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", row.id.toString());
        header(headers, "ce_type", row.eventType);
        header(headers, "ce_source", "/" + source);
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(row.createdAt.atOffset(ZoneOffset.UTC)));
        header(headers, "content-type", "application/json");
        if (row.recordKey != null) {
            header(headers, "ce_subject", row.recordKey);
        }
        return Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topics.name(row.topic))
                .withKey(row.recordKey)
                .withHeaders(headers)
                .build());
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Published rows are kept a while for inspection, then deleted. */
    @Scheduled(every = "${switchboard.outbox.prune-interval}", delayed = "${switchboard.outbox.prune-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> prune() {
        return Panache.withTransaction(() -> OutboxEvent.delete("publishedAt < ?1", Instant.now().minus(retention)))
                .replaceWithVoid();
    }
}
