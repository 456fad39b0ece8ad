package io.switchboard.kit.inbox;

import io.quarkus.hibernate.orm.runtime.PersistenceUnitUtil;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.runtime.SessionOperations;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Events;
import io.switchboard.kit.trace.EventSpans;
import io.switchboard.kit.tx.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Applies each consumed event at most once. The event id is recorded in the same transaction as the effect, so a
 * redelivery (rebalance, restart, replay) finds it and changes nothing.
 *
 * <p>Temporary failures (database or broker away) are waited out without limit, holding back the rest of the
 * partition so that a chat's events keep their order; the consumer carries on by itself when the database is back.
 * Only a record that can never be processed ({@link EventFailures#isPermanent}) goes to {@code dlq.<service>}.
 *
 * <p>{@link #batch} is the fast path for a Kafka channel with {@code batch=true}: one transaction per poll.
 * {@link #handle} and {@link #once} apply one event per transaction.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final Patience patience;
    private final EventBatch batches;
    private final EventSpans spans;

    public ProcessedEvents(Patience patience, EventBatch batches, EventSpans spans) {
        this.patience = patience;
        this.batches = batches;
        this.spans = spans;
    }

    /**
     * Applies a poll's records: the new events in record order, in one transaction, each once per event id for
     * {@code consumer}; records that can never be processed go alone to the dead-letter topic. Completes when
     * everything is committed (or dead-lettered); never fails, so the batch can be acknowledged as a whole.
     *
     * @param consumer names the effect; two effects of one service on the same event need two names
     */
    public Uni<Void> batch(String consumer, ConsumerRecords<String, String> records,
                           Function<EventEnvelope, Uni<?>> effect) {
        return batches.apply(this, consumer, records, EventBatch.NOTHING_FIRST, effect);
    }

    /**
     * As {@link #batch(String, ConsumerRecords, Function)}, with {@code first} run in the batch's transaction before
     * any effect, given the distinct keys of the batch's valid records in their natural order. A service whose
     * effects lock rows by key (a chat's lock) takes them all there, in that one order: two batches that share keys
     * then wait for each other instead of deadlocking (each holding one key the other wants next).
     */
    public Uni<Void> batch(String consumer, ConsumerRecords<String, String> records,
                           Function<List<String>, Uni<?>> first, Function<EventEnvelope, Uni<?>> effect) {
        return batches.apply(this, consumer, records, first, effect);
    }

    /**
     * Parses a record value and applies {@code effect} once per event id for {@code consumer}, in one transaction.
     * A permanent failure is returned to the caller (the channel's failure strategy dead-letters the record).
     */
    public Uni<Void> handle(String consumer, String recordValue, Function<EventEnvelope, Uni<?>> effect) {
        return Uni.createFrom().item(() -> Events.read(recordValue))
                // Only the value is known here: the span's parent is the context the connector made current.
                .chain(envelope -> spans.apply(consumer, null, envelope, () -> once(consumer, envelope, effect)));
    }

    /**
     * Applies {@code effect} once per event id. Alone, in a transaction of its own, retried until it succeeds or
     * fails permanently; inside a caller's transaction, once (the caller owns the transaction and its retries: a
     * PostgreSQL transaction that failed cannot go on).
     */
    public Uni<Void> once(String consumer, EventEnvelope envelope, Function<EventEnvelope, Uni<?>> effect) {
        if (inTransaction()) {
            return apply(consumer, envelope, effect);
        }
        return patience.untilDone(consumer + " of event " + envelope.id(),
                () -> Panache.withTransaction(() -> apply(consumer, envelope, effect)));
    }

    private static Uni<Void> apply(String consumer, EventEnvelope envelope, Function<EventEnvelope, Uni<?>> effect) {
        return NativeSql.update("""
                        insert into processed_event(consumer, event_id, processed_at)
                        values ($1, $2, now()) on conflict do nothing""", consumer, envelope.id())
                .chain(inserted -> inserted == 0 ? Uni.createFrom().voidItem()
                        : effect.apply(envelope).replaceWithVoid());
    }

    private static boolean inTransaction() {
        try {
            Mutiny.Session session =
                    SessionOperations.getCurrentSession(PersistenceUnitUtil.DEFAULT_PERSISTENCE_UNIT_NAME);
            return session != null && session.currentTransaction() != null;
        } catch (IllegalStateException noVertxContext) {
            return false;
        }
    }
}
