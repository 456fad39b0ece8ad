package io.switchboard.workflow.item;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.EventType;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.kit.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Flags open items that have waited in their queue longer than its maximum age, and publishes
 * {@code workflow.overdue} once per stay in a queue. Replicas may run it at the same time: each item is flagged
 * under its row lock and skipped by the others.
 */
@ApplicationScoped
public class OverdueCheck {

    /** Items flagged per transaction; a backlog is worked off in several rounds. */
    static final int BATCH = 200;

    private final ItemEvents events;
    private final Transactions tx;

    public OverdueCheck(ItemEvents events, Transactions tx) {
        this.events = events;
        this.tx = tx;
    }

    @Scheduled(every = "${switchboard.workflow.overdue-check}", delayed = "${switchboard.workflow.overdue-check}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> check() {
        return flagBatch().chain(flagged -> flagged == BATCH ? check() : Uni.createFrom().voidItem());
    }

    /** @return how many items were flagged */
    Uni<Integer> flagBatch() {
        return tx.commit(() -> NativeSql.locked(WorkflowItem.class, """
                                select i.id from workflow_item i join workflow_queue q on q.name = i.queue
                                where i.state in ('WAITING', 'CLAIMED') and i.overdue_at is null
                                  and i.entered_queue_at + q.max_age_seconds * interval '1 second' < now()
                                order by i.entered_queue_at limit $1
                                for update of i skip locked""", BATCH)
                .chain(this::flag));
    }

    private Uni<Integer> flag(List<WorkflowItem> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> {
                    item.overdueAt = now;
                    return events.publish(EventType.WORKFLOW_OVERDUE, item, ItemEvents.SYSTEM, now);
                })
                .collect().last()
                .replaceWith(items.size());
    }
}
