package io.switchboard.history.rebuild;

import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Events;
import io.switchboard.events.InvalidEventException;
import io.switchboard.history.HistoryConfig;
import io.switchboard.history.messaging.HistoryEventsConsumer;
import io.switchboard.history.projection.InteractionProjection;
import io.switchboard.history.store.InteractionRow;
import io.switchboard.history.view.InteractionReader;
import io.switchboard.history.view.InteractionView;
import io.switchboard.kit.inbox.ProcessedEvents;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.kit.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Rebuilds the whole history from the Kafka topics into a fresh schema with the same projection code and the same
 * once-per-event-id rule as the live consumers (the log may hold an event twice: the outbox relays at least once),
 * then compares every interaction of the two stores. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class RebuildService {

    private final EventLogReader log;
    private final InteractionProjection projection;
    private final ProcessedEvents processedEvents;
    private final InteractionReader reader;
    private final int compareBatchSize;
    private final int maxReportedDifferences;
    private final Transactions tx;
    private final AtomicBoolean running = new AtomicBoolean();

    public RebuildService(EventLogReader log, InteractionProjection projection, ProcessedEvents processedEvents,
                          InteractionReader reader, HistoryConfig config, Transactions tx) {
        this.tx = tx;
        this.log = log;
        this.projection = projection;
        this.processedEvents = processedEvents;
        this.reader = reader;
        this.compareBatchSize = config.rebuild().compareBatchSize();
        this.maxReportedDifferences = config.rebuild().maxReportedDifferences();
    }

    /** @param keep keep the rebuilt schema for inspection; otherwise it is dropped after the comparison */
    public RebuildReport rebuild(boolean keep) {
        if (!running.compareAndSet(false, true)) {
            throw Problems.conflict("rebuild-running", "A rebuild is running",
                    "This instance is already rebuilding the history; try again when it is done.");
        }
        StoreSchema schema = StoreSchema.fresh();
        try {
            await(() -> tx.commit(schema::create));
            AtomicLong invalid = new AtomicLong();
            long read = log.readAll(values -> await(() -> apply(schema, values, invalid)));
            RebuildReport report = compare(schema, keep, read, invalid.get());
            Log.infof("history rebuilt into %s: %d records, %d interactions, %d differences", schema.name(), read,
                    report.rebuiltInteractions(), report.differenceCount());
            return report;
        } finally {
            if (!keep) {
                await(() -> tx.commit(schema::drop));
            }
            running.set(false);
        }
    }

    /** Reads a store: the live one (no schema) or a rebuilt one, in a transaction of its own. */
    public <T> T read(Optional<StoreSchema> schema, Supplier<Uni<T>> work) {
        return await(() -> tx.commit(() -> schema.map(StoreSchema::use)
                .orElse(Uni.createFrom().voidItem()).chain(() -> work.get())));
    }

    /** Applies one poll's records in one transaction, in order; invalid records are counted and skipped. */
    private Uni<Void> apply(StoreSchema schema, List<String> values, AtomicLong invalid) {
        return tx.commit(() -> {
            Uni<Void> done = schema.use();
            for (String value : values) {
                done = done.chain(() -> {
                    EventEnvelope envelope;
                    try {
                        envelope = Events.read(value);
                    } catch (InvalidEventException e) {
                        invalid.incrementAndGet();
                        return Uni.createFrom().voidItem();
                    }
                    return processedEvents.once(HistoryEventsConsumer.CONSUMER, envelope, projection::apply);
                });
            }
            return done;
        });
    }

    private RebuildReport compare(StoreSchema schema, boolean keep, long read, long invalid) {
        Optional<StoreSchema> rebuilt = Optional.of(schema);
        long live = read(Optional.empty(), () -> InteractionRow.count());
        long fresh = read(rebuilt, () -> InteractionRow.count());
        List<String> ids = read(Optional.empty(), this::chatIds);
        List<String> rebuiltIds = read(rebuilt, this::chatIds);
        List<String> all = new ArrayList<>(ids);
        rebuiltIds.stream().filter(id -> !ids.contains(id)).forEach(all::add);
        List<String> differences = new ArrayList<>();
        long differenceCount = 0;
        for (int from = 0; from < all.size(); from += compareBatchSize) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + compareBatchSize));
            Map<String, InteractionView> before = views(Optional.empty(), batch);
            Map<String, InteractionView> after = views(rebuilt, batch);
            for (String id : batch) {
                if (!Objects.equals(before.get(id), after.get(id))) {
                    differenceCount++;
                    if (differences.size() < maxReportedDifferences) {
                        differences.add(id);
                    }
                }
            }
        }
        return new RebuildReport(schema.name(), keep, read, invalid, live, fresh, differenceCount, differences,
                differenceCount == 0);
    }

    private Map<String, InteractionView> views(Optional<StoreSchema> schema, List<String> chatIds) {
        List<InteractionView> views = read(schema, () -> InteractionRow.<InteractionRow>list("chatId in ?1", chatIds)
                .chain(reader::views));
        return views.stream().collect(Collectors.toMap(InteractionView::chatId, Function.identity()));
    }

    private Uni<List<String>> chatIds() {
        return NativeSql.column("select chat_id from interaction order by chat_id", String.class);
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
