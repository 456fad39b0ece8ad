package io.switchboard.session.presence;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.AgentPresence;
import io.switchboard.events.PresenceStatus;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.SessionConfig;
import io.switchboard.session.live.InstanceIdConfigSource;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which agents have a desktop connected, across every instance: each instance writes how many agent sockets it holds
 * per agent (the count it holds in memory, not an increment, so a change that failed is simply written again) and
 * refreshes a heartbeat; an agent is connected while some live instance holds a socket of theirs. Only the global
 * 0↔1 transitions are published ({@code agent.presence}), under a lock on the agent's row. An instance's work grows
 * with its own sockets only: it writes its own changes, beats once per interval, and clears a dead instance's
 * sockets once (whichever live instance claims it first).
 */
@ApplicationScoped
public class DesktopPresence {

    private static final String ENSURE_ROW = """
            insert into agent_presence (agent_id, connected, version, changed_at) values ($1, false, 0, now())
            on conflict (agent_id) do nothing""";
    private static final String HOLD = """
            insert into agent_socket_holder (agent_id, instance_id, sockets) values ($1, $2, $3)
            on conflict (agent_id, instance_id) do update set sockets = excluded.sockets""";
    private static final String RELEASE = "delete from agent_socket_holder where agent_id = $1 and instance_id = $2";
    /** Sockets of the agent ($1) held by live instances other than {@code $2}. */
    private static final String HELD_ELSEWHERE = """
            select count(*) from agent_socket_holder h join session_instance i on i.instance_id = h.instance_id
            where h.agent_id = $1 and h.instance_id <> $2
              and i.heartbeat_at > now() - cast($3 as bigint) * interval '1 millisecond'""";
    /** Refreshes the heartbeat; true when the row was (re)created: first beat, or cleared as dead meanwhile. */
    private static final String BEAT = """
            insert into session_instance (instance_id, heartbeat_at) values ($1, now())
            on conflict (instance_id) do update set heartbeat_at = now()
            returning (xmax::text = '0')""";
    private static final String HELD_HERE = "select agent_id from agent_socket_holder where instance_id = $1";
    private static final String CLAIM_DEAD = """
            select instance_id from session_instance
            where instance_id <> $1 and heartbeat_at <= now() - cast($2 as bigint) * interval '1 millisecond'
            order by heartbeat_at limit 1
            for update skip locked""";
    private static final String HELD_BY = "select agent_id from agent_socket_holder where instance_id = $1 limit cast($2 as int)";
    private static final String FORGET_INSTANCE = "delete from session_instance where instance_id = $1";

    private final String instanceId;
    private final long timeoutMs;
    private final int sweepBatch;
    private final EventOutbox outbox;
    private final Transactions tx;
    private final Vertx vertx;

    /** Agent sockets open here, per agent. */
    private final Map<String, Integer> held = new ConcurrentHashMap<>();
    /** Agents whose count here may differ from the database. */
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean beaten;

    public DesktopPresence(@ConfigProperty(name = InstanceIdConfigSource.KEY) String instanceId, SessionConfig config,
                           EventOutbox outbox, Transactions tx, Vertx vertx) {
        this.instanceId = instanceId;
        this.timeoutMs = config.presence().instanceTimeout().toMillis();
        this.sweepBatch = config.presence().sweepBatchSize();
        this.outbox = outbox;
        this.tx = tx;
        this.vertx = vertx;
    }

    /** An agent socket opened here. */
    public void opened(String agentId) {
        held.merge(agentId, 1, Integer::sum);
        changed(agentId);
    }

    /** An agent socket opened here closed. */
    public void closed(String agentId) {
        held.computeIfPresent(agentId, (id, count) -> count > 1 ? count - 1 : null);
        changed(agentId);
    }

    private void changed(String agentId) {
        dirty.add(agentId);
        drain();
    }

    @Scheduled(every = "${switchboard.session.presence.heartbeat-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> heartbeat() {
        return onOwnContext(() -> tx.commit(() -> NativeSql.value(BEAT, Boolean.class, instanceId)
                        .chain(created -> created || !beaten ? heldHere() : Uni.createFrom().item(List.<String>of()))))
                .invoke(toRestate -> {
                    // First beat (a restart with the same id finds its old rows) or cleared as dead by another
                    // instance after a pause: state every count of this instance again.
                    beaten = true;
                    dirty.addAll(toRestate);
                    dirty.addAll(held.keySet());
                })
                .chain(ignored -> sweepDeadInstance())
                .onFailure().invoke(failure -> Log.warnf("presence heartbeat failed, retried next beat: %s",
                        failure.getMessage()))
                .onFailure().recoverWithNull()
                .invoke(this::drain)
                .replaceWithVoid();
    }

    private Uni<List<String>> heldHere() {
        return NativeSql.column(HELD_HERE, String.class, instanceId);
    }

    /** Writes dirty agents one at a time; a failure leaves the agent dirty for the next beat (outages are waited out). */
    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        Iterator<String> next = dirty.iterator();
        if (!next.hasNext()) {
            draining.set(false);
            if (!dirty.isEmpty()) {
                drain();
            }
            return;
        }
        String agentId = next.next();
        dirty.remove(agentId);
        onOwnContext(() -> tx.commit(() -> write(agentId))).subscribe().with(
                ignored -> {
                    draining.set(false);
                    drain();
                },
                failure -> {
                    dirty.add(agentId);
                    draining.set(false);
                    Log.warnf("presence of %s not written, retried next beat: %s", agentId, failure.getMessage());
                });
    }

    /** This instance's count of the agent's sockets, and the agent's presence if it flips. */
    private Uni<Void> write(String agentId) {
        return lock(agentId).chain(row -> {
            // Read after the lock: the last writer for this agent writes the newest count.
            int sockets = held.getOrDefault(agentId, 0);
            return (sockets > 0
                    ? NativeSql.update(HOLD, agentId, instanceId, sockets).replaceWith(true)
                    : NativeSql.update(RELEASE, agentId, instanceId).chain(() -> heldElsewhere(agentId, instanceId)))
                    .chain(connected -> flip(row, connected));
        });
    }

    /** Lets go of the sockets of one instance that stopped beating, a batch per transaction. */
    private Uni<Void> sweepDeadInstance() {
        return onOwnContext(() -> tx.commit(() -> NativeSql.column(CLAIM_DEAD, String.class, instanceId, timeoutMs)
                .chain(dead -> dead.isEmpty() ? Uni.createFrom().voidItem() : sweep(dead.get(0)))));
    }

    private Uni<Void> sweep(String dead) {
        return NativeSql.column(HELD_BY, String.class, dead, sweepBatch)
                .chain(agents -> Multi.createFrom().iterable(agents)
                        .onItem().transformToUniAndConcatenate(agentId -> lock(agentId)
                                .chain(row -> NativeSql.update(RELEASE, agentId, dead)
                                        .chain(() -> heldElsewhere(agentId, dead))
                                        .chain(connected -> flip(row, connected)).replaceWith(agentId)))
                        .collect().asList()
                        .chain(done -> {
                            Log.infof("instance %s stopped beating: let go of the sockets of %d agents", dead,
                                    done.size());
                            return agents.size() < sweepBatch
                                    ? NativeSql.update(FORGET_INSTANCE, dead).replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                        }));
    }

    private Uni<AgentPresenceRow> lock(String agentId) {
        return NativeSql.update(ENSURE_ROW, agentId)
                .chain(() -> AgentPresenceRow.<AgentPresenceRow>findById(agentId, LockModeType.PESSIMISTIC_WRITE));
    }

    private Uni<Boolean> heldElsewhere(String agentId, String instance) {
        return NativeSql.value(HELD_ELSEWHERE, Long.class, agentId, instance, timeoutMs).map(count -> count > 0);
    }

    private Uni<Void> flip(AgentPresenceRow row, boolean connected) {
        if (row.connected == connected) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        row.connected = connected;
        row.version++;
        row.changedAt = now;
        Log.debugf("agent %s %s (version %d)", row.agentId, connected ? "connected" : "disconnected", row.version);
        return outbox.publish(new AgentPresence(row.agentId,
                connected ? PresenceStatus.CONNECTED : PresenceStatus.DISCONNECTED, row.version, now)).replaceWithVoid();
    }

    /**
     * Database work on a Vert.x context of its own: socket callbacks share contexts, and Hibernate Reactive keeps one
     * session per context (see live/LiveReads).
     */
    private <T> Uni<T> onOwnContext(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> work.get().subscribe().with(emitter::complete, emitter::fail));
        });
    }
}
