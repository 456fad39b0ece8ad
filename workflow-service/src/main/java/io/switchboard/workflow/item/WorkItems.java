package io.switchboard.workflow.item;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.EventType;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.workflow.strategy.WorkflowQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Work on the queues: list, claim, complete, release, move. Every change locks the item's row for its
 * transaction and records its event there; a refused change throws a problem before anything is written.
 */
@ApplicationScoped
public class WorkItems {

    private static final String ITEM = "Workflow item";

    private final ItemEvents events;
    private final Transactions tx;

    public WorkItems(ItemEvents events, Transactions tx) {
        this.events = events;
        this.tx = tx;
    }

    public Uni<List<QueueView>> queues() {
        return tx.read(() -> WorkflowQueue.active().chain(queues -> NativeSql.rows("""
                        select queue, count(*) filter (where state = 'WAITING'), count(*) filter (where state = 'CLAIMED'),
                               count(*) filter (where overdue_at is not null)
                        from workflow_item where state in ('WAITING', 'CLAIMED') group by queue""")
                .map(rows -> {
                    Map<String, Object[]> counts = rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> r));
                    return queues.stream().map(q -> {
                        Object[] c = counts.getOrDefault(q.name, new Object[] {q.name, 0L, 0L, 0L});
                        return new QueueView(q.name, q.description, q.maxAgeSeconds, number(c[1]), number(c[2]),
                                number(c[3]));
                    }).toList();
                })));
    }

    public Uni<ItemPage> list(String queue, int page, int size) {
        return tx.read(() -> requireQueue(queue).chain(() -> {
            var open = WorkflowItem.<WorkflowItem>find("queue = ?1 and state in ?2 order by enteredQueueAt, id",
                    queue, ItemState.OPEN);
            return open.count().chain(total -> open.page(page, size).list()
                    .chain(WorkItems::withSummaries)
                    .map(items -> new ItemPage(queue, page, size, total, items)));
        }));
    }

    public Uni<ItemView> get(UUID itemId) {
        return tx.read(() -> WorkflowItem.<WorkflowItem>findById(itemId)
                .map(item -> requireParked(item, itemId))
                .chain(WorkItems::withSummary));
    }

    /**
     * Claims the oldest waiting item of the queue. Rows other workers are claiming right now are skipped, not
     * waited for, so concurrent claims (on any replica) each get a different item.
     *
     * @return the claimed item, or null when nothing is waiting
     */
    public Uni<ItemView> claimNext(String queue, String worker) {
        return tx.commit(() -> requireQueue(queue)
                .chain(() -> NativeSql.lockedOne(WorkflowItem.class, """
                                select id from workflow_item where queue = $1 and state = 'WAITING'
                                order by entered_queue_at, id limit 1 for update skip locked""", queue))
                .chain(found -> found == null ? Uni.createFrom().<ItemView>nullItem()
                        : claim(found, worker).replaceWith(found).chain(WorkItems::withSummary)));
    }

    /** Claims one item; claiming an item one already holds is answered with it again (a retried request). */
    public Uni<ItemView> claim(UUID itemId, String worker) {
        return tx.commit(() -> lock(itemId).chain(item -> {
            if (item.state == ItemState.CLAIMED && worker.equals(item.claimedBy)) {
                return Uni.createFrom().item(item);
            }
            requireOpen(item);
            if (item.state == ItemState.CLAIMED) {
                throw Problems.conflict("item-claimed", "Item already claimed",
                        "Item " + itemId + " is being worked on by " + item.claimedBy + ".");
            }
            return claim(item, worker).replaceWith(item);
        }).chain(WorkItems::withSummary));
    }

    public Uni<ItemView> complete(UUID itemId, String worker, String outcome) {
        return tx.commit(() -> lock(itemId).chain(item -> {
            requireClaimedBy(item, worker, false);
            Instant now = now();
            item.complete(worker, outcome, now);
            return events.publish(EventType.WORKFLOW_COMPLETED, item, null, worker, outcome, now).replaceWith(item);
        }).chain(WorkItems::withSummary));
    }

    /** Puts a claimed item back in its queue; its worker may, and a supervisor may for anyone (absent worker). */
    public Uni<ItemView> release(UUID itemId, String worker, boolean supervisor) {
        return tx.commit(() -> lock(itemId).chain(item -> {
            requireClaimedBy(item, worker, supervisor);
            item.release();
            return events.publish(EventType.WORKFLOW_RELEASED, item, worker, now()).replaceWith(item);
        }).chain(WorkItems::withSummary));
    }

    /** Moves an open item to another active queue, where it waits unclaimed and its age starts over. */
    public Uni<ItemView> move(UUID itemId, String target, String supervisor) {
        return tx.commit(() -> lock(itemId).chain(item -> {
            requireOpen(item);
            if (item.queue.equals(target)) {
                throw Problems.badRequest("Item " + itemId + " is already in queue '" + target + "'.");
            }
            return WorkflowQueue.lockActive(target).chain(queue -> {
                if (queue == null) {
                    throw Problems.badRequest("'" + target + "' is not a workflow queue.");
                }
                String from = item.queue;
                Instant now = now();
                item.moveTo(queue.name, now);
                return events.publish(EventType.WORKFLOW_MOVED, item, from, supervisor, null, now).replaceWith(item);
            });
        }).chain(WorkItems::withSummary));
    }

    private Uni<Void> claim(WorkflowItem item, String worker) {
        Instant now = now();
        item.claim(worker, now);
        return events.publish(EventType.WORKFLOW_CLAIMED, item, worker, now);
    }

    private static Uni<WorkflowItem> lock(UUID itemId) {
        return WorkflowItem.<WorkflowItem>findById(itemId, LockModeType.PESSIMISTIC_WRITE)
                .map(item -> requireParked(item, itemId));
    }

    private static Uni<Void> requireQueue(String queue) {
        return WorkflowQueue.<WorkflowQueue>findById(queue).invoke(found -> {
            if (found == null || found.retired) {
                throw Problems.notFound("Workflow queue", queue);
            }
        }).replaceWithVoid();
    }

    /** Stopped interactions were never parked: there is no item to show or work. */
    private static WorkflowItem requireParked(WorkflowItem item, UUID itemId) {
        if (item == null || item.state == ItemState.STOPPED) {
            throw Problems.notFound(ITEM, itemId.toString());
        }
        return item;
    }

    private static void requireOpen(WorkflowItem item) {
        if (!item.isOpen()) {
            throw Problems.conflict("item-completed", "Item already completed",
                    "Item " + item.id + " was completed by " + item.completedBy + ".");
        }
    }

    private static void requireClaimedBy(WorkflowItem item, String worker, boolean anyWorker) {
        requireOpen(item);
        if (item.state != ItemState.CLAIMED) {
            throw Problems.conflict("item-not-claimed", "Item not claimed",
                    "Item " + item.id + " is waiting in its queue; claim it first.");
        }
        if (!anyWorker && !worker.equals(item.claimedBy)) {
            throw Problems.conflict("claimed-by-other", "Item claimed by someone else",
                    "Item " + item.id + " is being worked on by " + item.claimedBy + ".");
        }
    }

    private static Uni<ItemView> withSummary(WorkflowItem item) {
        return InteractionSummary.<InteractionSummary>findById(item.chatId).map(summary -> ItemView.of(item, summary));
    }

    private static Uni<List<ItemView>> withSummaries(List<WorkflowItem> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> chatIds = items.stream().map(i -> i.chatId).toList();
        return InteractionSummary.<InteractionSummary>list("chatId in ?1", chatIds).map(summaries -> {
            Map<String, InteractionSummary> byChat = summaries.stream()
                    .collect(Collectors.toMap(s -> s.chatId, Function.identity()));
            return items.stream().map(item -> ItemView.of(item, byChat.get(item.chatId))).toList();
        });
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
