package io.switchboard.kit.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Events;
import io.switchboard.events.InvalidEventException;
import io.switchboard.kit.trace.EventSpans;
import io.switchboard.kit.tx.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * One transaction per poll: one statement records the ids of the whole batch, the events it did not know yet are
 * applied in record order, all commit together. If an event of the batch fails permanently, the transaction rolls
 * back and the batch is applied again one event per transaction, so that only that event is dead-lettered.
 */
@ApplicationScoped
class EventBatch {

    private static final Logger LOG = Logger.getLogger(EventBatch.class);

    /**
     * Each event under its consumer's name ({@code $1} and {@code $2} are lists of the same length); {@code returning}
     * names the ids that were new: an id already there (a redelivery) is skipped.
     */
    private static final String RECORD_IDS = """
            insert into processed_event(consumer, event_id, processed_at)
            select consumer, cast(id as uuid), now()
            from unnest(string_to_array($1, ','), string_to_array($2, ',')) as ids(consumer, id)
            on conflict do nothing returning cast(event_id as varchar)""";
    private static final String LIST_SEPARATOR = ",";

    /** No work before the effects. */
    static final Function<List<String>, Uni<?>> NOTHING_FIRST = keys -> Uni.createFrom().voidItem();
    /** Every event applied alone (no type has an effect for all its events at once). */
    static final Function<EventEnvelope, Function<List<EventEnvelope>, Uni<?>>> ONE_BY_ONE = envelope -> null;

    private final Patience patience;
    private final DeadLetters deadLetters;
    private final EventSpans spans;

    EventBatch(Patience patience, DeadLetters deadLetters, EventSpans spans) {
        this.patience = patience;
        this.deadLetters = deadLetters;
        this.spans = spans;
    }

    /** A consumed record and, when it is a valid event, its envelope; otherwise why it is not. */
    private record Parsed(ConsumerRecord<String, String> record, EventEnvelope envelope,
                          InvalidEventException invalid) {

        static Parsed of(ConsumerRecord<String, String> record) {
            try {
                return new Parsed(record, Events.read(record.value()), null);
            } catch (InvalidEventException e) {
                return new Parsed(record, null, e);
            } catch (RuntimeException e) {
                return new Parsed(record, null, new InvalidEventException("not a Switchboard event: " + e, e));
            }
        }
    }

    /**
     * @param single     applies one event in a transaction of its own, for the fallback
     * @param channel    names the batch in logs, and the consumer of records that are not events
     * @param consumerOf the name each event is recorded and applied under
     * @param first      runs in the batch's transaction before the effects, with the valid records' distinct keys,
     *                   sorted
     * @param together   the effect an event's type applies to all its new events of the poll at once, or null when
     *                   each is applied alone ({@link ProcessedEvents.Effect#together})
     */
    Uni<Void> apply(ProcessedEvents single, String channel, Function<EventEnvelope, String> consumerOf,
                    ConsumerRecords<String, String> records, Function<List<String>, Uni<?>> first,
                    Function<EventEnvelope, Uni<?>> effect,
                    Function<EventEnvelope, Function<List<EventEnvelope>, Uni<?>>> together) {
        List<Parsed> parsed = new ArrayList<>(records.count());
        records.forEach(record -> parsed.add(Parsed.of(record)));
        List<Parsed> valid = parsed.stream().filter(p -> p.envelope() != null).toList();
        Uni<Void> applied = valid.isEmpty() ? Uni.createFrom().voidItem()
                : patience.untilDone(channel + " batch of " + valid.size() + " events",
                                () -> Panache.withTransaction(() -> Uni.createFrom()
                                        .deferred(() -> first.apply(sortedKeys(valid)))
                                        .chain(() -> inOneTransaction(consumerOf, valid, effect, together))))
                        .onFailure(EventFailures::isPermanent).recoverWithUni(failure -> {
                            LOG.warnf("%s: a batch of %d events failed for good (%s); applying it one event at a "
                                    + "time", channel, valid.size(), EventFailures.reason(failure));
                            return oneByOne(single, consumerOf, valid, effect);
                        });
        // Invalid records are dead-lettered after the valid ones committed: a crash in between redelivers the
        // batch, the valid ones are then skipped and the invalid ones dead-lettered (at least once).
        return applied.chain(() -> sequentially(parsed.stream().filter(p -> p.invalid() != null).toList(),
                p -> deadLetters.send(channel, p.record(), p.invalid())));
    }

    private static List<String> sortedKeys(List<Parsed> valid) {
        return valid.stream().map(p -> p.record().key()).filter(java.util.Objects::nonNull).distinct().sorted()
                .toList();
    }

    private Uni<Void> inOneTransaction(Function<EventEnvelope, String> consumerOf, List<Parsed> valid,
                                       Function<EventEnvelope, Uni<?>> effect,
                                       Function<EventEnvelope, Function<List<EventEnvelope>, Uni<?>>> together) {
        String consumers = valid.stream().map(p -> listItem(consumerOf.apply(p.envelope())))
                .collect(Collectors.joining(LIST_SEPARATOR));
        String ids = valid.stream().map(p -> p.envelope().id().toString()).collect(Collectors.joining(LIST_SEPARATOR));
        return Panache.getSession().chain(session -> NativeSql.column(RECORD_IDS, String.class, consumers, ids)
                .chain(inserted -> {
                    Set<String> fresh = new HashSet<>(inserted);
                    List<Parsed> alone = new ArrayList<>();
                    Map<Function<List<EventEnvelope>, Uni<?>>, List<Parsed>> sets = new LinkedHashMap<>();
                    for (Parsed p : valid) {
                        // remove(): an event the batch holds twice is applied once
                        if (fresh.remove(p.envelope().id().toString())) {
                            Function<List<EventEnvelope>, Uni<?>> all = together.apply(p.envelope());
                            if (all == null) {
                                alone.add(p);
                            } else {
                                sets.computeIfAbsent(all, key -> new ArrayList<>()).add(p);
                            }
                        }
                    }
                    // A span per event (parent: the trace its record carries), not per poll: each event continues
                    // the trace of the request or consumer that caused it. Events applied together: one span
                    // linked to each of their traces.
                    return sequentially(alone, p -> spans.apply(consumerOf.apply(p.envelope()), p.record(),
                            p.envelope(), () -> flushed(session, () -> effect.apply(p.envelope()))))
                            .chain(() -> sequentially(List.copyOf(sets.entrySet()), set -> {
                                EventEnvelope first = set.getValue().get(0).envelope();
                                List<EventEnvelope> envelopes = set.getValue().stream().map(Parsed::envelope)
                                        .toList();
                                return spans.applyAll(consumerOf.apply(first), first.type(),
                                        set.getValue().stream().map(Parsed::record).toList(),
                                        () -> flushed(session, () -> set.getKey().apply(envelopes)));
                            }));
                }));
    }

    /**
     * Flushed and cleared after each event (or set of events), so every one starts from the database as it would in
     * a transaction of its own (an effect may update by native SQL a row that an earlier one loaded as an entity).
     */
    private static Uni<Void> flushed(Mutiny.Session session, Supplier<Uni<?>> work) {
        return Uni.createFrom().deferred(work)
                .chain(session::flush)
                .invoke(session::clear)
                .replaceWithVoid();
    }

    private Uni<Void> oneByOne(ProcessedEvents single, Function<EventEnvelope, String> consumerOf,
                               List<Parsed> valid, Function<EventEnvelope, Uni<?>> effect) {
        return sequentially(valid, p -> {
            String consumer = consumerOf.apply(p.envelope());
            return spans.apply(consumer, p.record(), p.envelope(), () -> single.once(consumer, p.envelope(), effect))
                    .onFailure(EventFailures::isPermanent)
                    .recoverWithUni(failure -> deadLetters.send(consumer, p.record(), failure));
        });
    }

    /** A consumer name goes into a comma-separated list of the statement: a comma in it would shift the list. */
    private static String listItem(String consumer) {
        if (consumer.contains(LIST_SEPARATOR)) {
            throw new IllegalArgumentException("a consumer name has no comma: " + consumer);
        }
        return consumer;
    }

    private static <T> Uni<Void> sequentially(List<T> items, Function<T, Uni<Void>> step) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (T item : items) {
            done = done.chain(() -> step.apply(item));
        }
        return done;
    }
}
