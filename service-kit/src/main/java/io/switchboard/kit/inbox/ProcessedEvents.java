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
import java.util.Map;
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
        return batches.apply(this, consumer, envelope -> consumer, records, EventBatch.NOTHING_FIRST, effect,
                EventBatch.ONE_BY_ONE);
    }

    /**
     * A poll of a channel that reads several event types, applied as {@link #batch(String, ConsumerRecords,
     * Function)} in one transaction: each event once per event id for the consumer its type names, with that type's
     * effect. One channel for the many types a service follows makes one poll and one transaction carry a chat's
     * events of every type, where a channel per type pays both per event when traffic is light. An event of a type
     * {@code byType} does not name can never be applied here: it goes to the dead-letter topic.
     *
     * @param channel names the batch in logs, and the consumer of records that are not events
     * @param byType  per event type ({@link EventEnvelope#type()}), the consumer name and its effect
     */
    public Uni<Void> batch(String channel, ConsumerRecords<String, String> records, Map<String, Effect> byType) {
        return batch(channel, records, EventBatch.NOTHING_FIRST, byType);
    }

    /**
     * As {@link #batch(String, ConsumerRecords, Map)}, with {@code first} run in the batch's transaction before any
     * effect, as in {@link #batch(String, ConsumerRecords, Function, Function)}.
     */
    public Uni<Void> batch(String channel, ConsumerRecords<String, String> records,
                           Function<List<String>, Uni<?>> first, Map<String, Effect> byType) {
        return batches.apply(this, channel, envelope -> {
            Effect effect = byType.get(envelope.type());
            return effect == null ? channel : effect.consumer();
        }, records, first, envelope -> {
            Effect effect = byType.get(envelope.type());
            if (effect == null) {
                throw new PermanentEventFailure(channel + " does not apply " + envelope.type() + " events");
            }
            return effect.apply().apply(envelope);
        }, envelope -> {
            Effect effect = byType.get(envelope.type());
            return effect == null ? null : effect.applyAll();
        });
    }

    /**
     * What a channel of several types does with one of them.
     *
     * @param consumer the name its events are recorded as applied under (keep it when the channel changes: a
     *                 redelivered event is then still known)
     * @param apply    applies one event
     * @param applyAll when not null, applies all of a poll's new events of the type at once (see {@link #together})
     */
    public record Effect(String consumer, Function<EventEnvelope, Uni<?>> apply,
                         Function<List<EventEnvelope>, Uni<?>> applyAll) {

        public Effect(String consumer, Function<EventEnvelope, Uni<?>> apply) {
            this(consumer, apply, null);
        }

        /**
         * An effect applied to all the new events of its type in a poll at once, in record order, after the poll's
         * other events (same transaction): a few set-wise statements for the whole poll instead of a few per event.
         * Only for effects that do not depend on the order with the channel's other types. A poll applied one event
         * at a time (after a permanent failure) calls it with one event.
         */
        public static Effect together(String consumer, Function<List<EventEnvelope>, Uni<?>> applyAll) {
            return new Effect(consumer, envelope -> applyAll.apply(List.of(envelope)), applyAll);
        }
    }

    /**
     * As {@link #batch(String, ConsumerRecords, Function)}, with {@code first} run in the batch's transaction before
     * any effect, given the distinct keys of the batch's valid records in their natural order. A service whose
     * effects lock rows by key (a chat's lock) takes them all there, in that one order: two batches that share keys
     * then wait for each other instead of deadlocking (each holding one key the other wants next).
     */
    public Uni<Void> batch(String consumer, ConsumerRecords<String, String> records,
                           Function<List<String>, Uni<?>> first, Function<EventEnvelope, Uni<?>> effect) {
        return batches.apply(this, consumer, envelope -> consumer, records, first, effect, EventBatch.ONE_BY_ONE);
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
