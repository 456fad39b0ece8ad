package io.switchboard.routing.seed;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.agent.AgentRole;
import io.switchboard.routing.agent.AgentState;
import io.switchboard.routing.dispatch.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Creates the configured queues and roster at start when they are missing. Replicas starting together are safe
 * ({@code on conflict do nothing}), and what supervisors changed since is never overwritten.
 */
@ApplicationScoped
public class SeedData {

    private static final String QUEUE = """
            insert into routing_queue (name, required_skills, priority, max_wait_seconds, overflow_queue,
                                       offer_timeout_seconds)
            values ($1, $2, $3, $4, $5, $6) on conflict do nothing""";

    private static final String AGENT = """
            insert into agent (id, name, skills, capacity, role, state, state_since, idle_since, workload)
            values ($1, $2, $3, $4, $5, $6, $7, $7, 0) on conflict do nothing""";

    private final RoutingConfig config;
    private final Transactions tx;

    public SeedData(RoutingConfig config, Transactions tx) {
        this.tx = tx;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> tx.commit(this::seed));
    }

    private Uni<Void> seed() {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Map.Entry<String, RoutingConfig.QueueSeed> queue : config.seed().queues().entrySet()) {
            all = all.chain(() -> queue(queue.getKey(), queue.getValue()));
        }
        Instant now = Instant.now();
        for (Map.Entry<String, RoutingConfig.AgentSeed> agent : config.seed().agents().entrySet()) {
            all = all.chain(() -> agent(agent.getKey(), agent.getValue(), now));
        }
        return all;
    }

    private Uni<Void> queue(String name, RoutingConfig.QueueSeed seed) {
        return NativeSql.update(QUEUE, name, JsonColumns.write(seed.requiredSkills()), seed.priority(),
                (int) seed.maxWait().toSeconds(), seed.overflowQueue().orElse(null),
                (int) seed.offerTimeout().toSeconds()).replaceWithVoid();
    }

    private Uni<Void> agent(String id, RoutingConfig.AgentSeed seed, Instant now) {
        return NativeSql.update(AGENT, id, seed.name(), JsonColumns.write(new TreeMap<>(seed.skills())),
                seed.capacity().orElse(config.defaultCapacity()), AgentRole.of(seed.role()), AgentState.LOGGED_OUT,
                now).replaceWithVoid();
    }
}
