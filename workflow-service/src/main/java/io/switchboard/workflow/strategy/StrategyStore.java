package io.switchboard.workflow.strategy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.kit.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** Reads and replaces the workflow strategy; every change replaces the whole document at once. */
@ApplicationScoped
public class StrategyStore {

    private static final TypeReference<List<Rule>> RULES = new TypeReference<>() { };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() { };
    private static final WorkflowStrategy NONE = new WorkflowStrategy(false, List.of(), List.of(), List.of());

    private final ObjectMapper json;
    private final Transactions tx;

    public StrategyStore(ObjectMapper json, Transactions tx) {
        this.json = json;
        this.tx = tx;
    }

    /** The strategy in force; a disabled empty one before anything was seeded. */
    public Uni<WorkflowStrategy> current() {
        return tx.read(() -> StrategySettings.<StrategySettings>findById(StrategySettings.ID)
                .chain(settings -> settings == null ? Uni.createFrom().item(NONE)
                        : WorkflowQueue.active().map(queues -> new WorkflowStrategy(settings.enabled,
                        queues.stream().map(WorkflowQueue::definition).toList(),
                        read(settings.rules, RULES), read(settings.defaultQueues, NAMES)))));
    }

    /**
     * Replaces the strategy. Queues left out are retired, which is refused while they still hold open items
     * (the items would be stranded); nothing changes then.
     */
    public Uni<WorkflowStrategy> replace(WorkflowStrategy wanted, String actor) {
        return tx.commit(() -> replaceNow(wanted, actor));
    }

    private Uni<WorkflowStrategy> replaceNow(WorkflowStrategy wanted, String actor) {
        requireConsistent(wanted);
        // One change at a time: the strategy row is the lock.
        return NativeSql.rows("select id from workflow_strategy where id = $1 for update", StrategySettings.ID)
                .chain(() -> writeQueues(wanted.queues()))
                .chain(() -> retireOthers(wanted.queues()))
                .chain(() -> writeSettings(wanted, actor, "on conflict (id) do update set enabled = excluded.enabled, "
                        + "rules = excluded.rules, default_queues = excluded.default_queues, "
                        + "updated_at = excluded.updated_at, updated_by = excluded.updated_by"))
                .replaceWith(wanted);
    }

    /**
     * Writes {@code initial} only if no strategy exists yet, so restarts and replicas starting together never
     * overwrite what supervisors changed.
     *
     * @return true when this call seeded it
     */
    public Uni<Boolean> seed(WorkflowStrategy initial, String actor) {
        return tx.commit(() -> seedNow(initial, actor));
    }

    private Uni<Boolean> seedNow(WorkflowStrategy initial, String actor) {
        requireConsistent(initial);
        return writeSettings(initial, actor, "on conflict (id) do nothing")
                .chain(inserted -> inserted == 0 ? Uni.createFrom().item(false)
                        : writeQueues(initial.queues()).replaceWith(true));
    }

    private static void requireConsistent(WorkflowStrategy strategy) {
        List<String> inconsistencies = strategy.inconsistencies();
        if (!inconsistencies.isEmpty()) {
            throw Problems.badRequest(String.join("; ", inconsistencies) + ".");
        }
    }

    private Uni<Integer> writeSettings(WorkflowStrategy strategy, String actor, String onConflict) {
        return NativeSql.update("""
                        insert into workflow_strategy (id, enabled, rules, default_queues, updated_at, updated_by)
                        values ($1, $2, $3, $4, $5, $6) """ + onConflict,
                StrategySettings.ID, strategy.enabled(), write(strategy.rules()), write(strategy.defaultQueues()),
                Instant.now(), actor);
    }

    private static Uni<Void> writeQueues(List<QueueDefinition> queues) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < queues.size(); i++) {
            QueueDefinition queue = queues.get(i);
            int position = i;
            chain = chain.chain(() -> NativeSql.update("""
                            insert into workflow_queue (name, description, max_age_seconds, position, retired)
                            values ($1, $2, $3, $4, false)
                            on conflict (name) do update set description = excluded.description,
                                max_age_seconds = excluded.max_age_seconds, position = excluded.position, retired = false""",
                            queue.name(), queue.description(), queue.maxAgeSeconds(), position)
                    .replaceWithVoid());
        }
        return chain;
    }

    /** Retires first, then looks for open items: a concurrent park holds its queue share-locked, so it is seen. */
    private static Uni<Void> retireOthers(List<QueueDefinition> kept) {
        String[] names = kept.stream().map(QueueDefinition::name).toArray(String[]::new);
        return NativeSql.update("update workflow_queue set retired = true where not retired and name <> all($1)",
                        (Object) names)
                .chain(() -> NativeSql.column("""
                                select q.name from workflow_queue q
                                where q.retired and exists (select 1 from workflow_item i
                                    where i.queue = q.name and i.state in ('WAITING', 'CLAIMED'))
                                order by q.name""", String.class))
                .invoke(inUse -> {
                    if (!inUse.isEmpty()) {
                        throw Problems.conflict("queue-in-use", "Queue still in use",
                                "Queue(s) " + inUse + " still hold open items; move or complete them before removing the queue.");
                    }
                })
                .replaceWithVoid();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
