package io.switchboard.routing.dispatch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.routing.DispatchWanted;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.queue.RoutingQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Matches waiting chats with agents: the next request (queue priority plus what the attached-data rules added, then
 * longest waiting) goes to the READY agent with the queue's skills (and those the rules added) and free capacity who
 * has been idle longest. Requests and agents are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, and the agent's workload is re-checked on the locked row, so replicas running this
 * at the same time never offer one chat twice nor fill an agent past capacity.
 *
 * <p>It runs after every change that can make a match possible (a {@link DispatchWanted} event, or {@link #kick()}
 * within this package) and on a schedule, so nothing waits forever because a trigger was missed.
 */
@ApplicationScoped
public class Dispatcher {

    /** Agent {@code a} has every skill queue {@code q} requires. */
    public static final String HAS_QUEUE_SKILLS = """
            not exists (select 1 from jsonb_array_elements_text(cast(q.required_skills as jsonb)) need(skill)
                        where not jsonb_exists(cast(a.skills as jsonb), need.skill))""";

    /** Agent {@code a} has every skill the attached-data rules added to request {@code r}. */
    static final String HAS_REQUEST_SKILLS = """
            not exists (select 1 from jsonb_array_elements_text(cast(r.extra_skills as jsonb)) need(skill)
                        where not jsonb_exists(cast(a.skills as jsonb), need.skill))""";

    /** Request {@code r} was offered to agent {@code a} before (declined, missed, withdrawn, or still open). */
    static final String OFFERED_BEFORE = """
            exists (select 1 from offer o where o.routing_request_id = r.id and o.agent_id = a.id)""";

    /**
     * Agent {@code a} may be offered request {@code r} of queue {@code q}. An agent who declined or missed this chat
     * gets it again only after {@code reoffer-after}, and after everyone who has not seen it: otherwise a chat every
     * available agent once missed (a desktop that was reconnecting, say) would wait out its whole maximum wait.
     */
    static final String ELIGIBLE = """
            a.state = 'READY' and {desktop} and a.workload < a.capacity and %s and %s
            and a.id <> coalesce(r.requested_by, '')
            and not exists (select 1 from offer o where o.routing_request_id = r.id and o.agent_id = a.id
                            and (o.answered_at is null or o.answered_at > now() - make_interval(secs => {reoffer-after})))
            and not exists (select 1 from assignment s
                            where s.chat_id = r.chat_id and s.agent_id = a.id and s.released_at is null)"""
            .formatted(HAS_QUEUE_SKILLS, HAS_REQUEST_SKILLS);

    private static final String NEXT_REQUESTS = """
            select r.id from routing_request r join routing_queue q on q.name = r.queue
            where r.status = 'WAITING' and r.target_agent_id is null
              and exists (select 1 from agent a where %s)
            order by q.priority + r.priority_boost desc, r.waiting_since, r.id
            limit $1
            for update of r skip locked""".formatted(ELIGIBLE);

    private static final String IDLEST_AGENT = """
            select a.id from agent a, routing_request r join routing_queue q on q.name = r.queue
            where r.id = $1 and %s
            order by %s, a.idle_since, a.id
            limit 1
            for update of a skip locked""".formatted(ELIGIBLE, OFFERED_BEFORE);

    /**
     * A waiting request that should go before request {@code $2} (of priority {@code $3}, waiting since {@code $4}):
     * higher queue priority, or same priority and waiting longer, and could take agent {@code $1}. While there is
     * one, the newcomer waits its turn.
     */
    private static final String EARLIER_FOR_AGENT = """
            select count(*) from agent a, routing_request r join routing_queue q on q.name = r.queue
            where a.id = $1 and r.status = 'WAITING' and r.target_agent_id is null and r.id <> $2
              and (q.priority + r.priority_boost > $3 or q.priority + r.priority_boost = $3
                   and (r.waiting_since < $4 or r.waiting_since = $4 and r.id < $2))
              and %s""".formatted(ELIGIBLE);

    private final String nextRequests;
    private final String idlestAgent;
    private final String earlierForAgent;
    private final Offering offering;
    private final Background background;
    private final int batchSize;
    private final Duration dispatchTimeout;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public Dispatcher(Offering offering, Background background, RoutingConfig config) {
        this.offering = offering;
        this.background = background;
        this.batchSize = config.batchSize();
        this.dispatchTimeout = config.dispatchTimeout();
        this.nextRequests = configured(NEXT_REQUESTS, config);
        this.idlestAgent = configured(IDLEST_AGENT, config);
        this.earlierForAgent = configured(EARLIER_FOR_AGENT, config);
    }

    /**
     * A statement built on {@link #ELIGIBLE} with the configuration filled in. Only agents with a desktop connected
     * are offered chats (an offer nobody sees only makes the contact wait for its timeout), unless presence is not
     * required, where every READY agent is.
     */
    static String configured(String statement, RoutingConfig config) {
        return statement.replace("{desktop}", config.presence().required() ? "a.desktop_connected" : "true")
                .replace("{reoffer-after}", Long.toString(config.reofferAfter().toSeconds()));
    }

    @Scheduled(every = "${switchboard.routing.dispatch-interval}", delayed = "${switchboard.routing.dispatch-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return dispatchAll();
    }

    /** Features outside this package signal routing with a {@link DispatchWanted} event instead of calling it. */
    void dispatchWanted(@Observes DispatchWanted wanted) {
        kick();
    }

    /** Routes now, in the background; call after every commit that may allow an offer. Cheap to call often. */
    void kick() {
        background.run("routing", this::dispatchAll);
    }

    /**
     * Offers a request that was just queued, in the caller's transaction, when an agent is free for it and no
     * request ahead of it could take that agent; otherwise it waits for the next routing run, as before. This
     * saves the newcomer a transaction and a trip through the background, which is most of its wait on a quiet
     * queue. The agent is claimed as in {@link #dispatchAll()} (locked, workload re-checked).
     */
    public Uni<Boolean> offerNow(RoutingRequest request, RoutingQueue queue) {
        return Panache.flush()
                .chain(() -> NativeSql.locked(Agent.class, idlestAgent, request.id))
                .chain(agents -> agents.isEmpty() ? Uni.createFrom().item(false)
                        : NativeSql.value(earlierForAgent, Long.class, agents.get(0).id, request.id,
                                queue.priority + request.priorityBoost, request.waitingSince)
                        .chain(earlier -> earlier > 0 ? Uni.createFrom().item(false)
                                : offering.offer(request, agents.get(0), queue.offerTimeout())
                                .replaceWith(true)));
    }

    /** Offers batches until no waiting request can be matched. Overlapping calls coalesce into one more round. */
    public Uni<Void> dispatchAll() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        again.set(false);
        return dispatchBatch()
                .ifNoItem().after(dispatchTimeout).failWith(() -> new IllegalStateException(
                        "routing round unanswered for " + dispatchTimeout + "; the next round takes over"))
                .onFailure().invoke(failure -> Log.warnf("routing round failed, the next one retries: %s",
                        failure.getMessage()))
                .onFailure().recoverWithItem(0)
                .eventually(() -> running.set(false))
                .chain(offered -> offered > 0 || again.get() ? dispatchAll() : Uni.createFrom().voidItem());
    }

    private Uni<Integer> dispatchBatch() {
        return Panache.withTransaction(() -> NativeSql.locked(RoutingRequest.class, nextRequests, batchSize)
                .chain(this::offerEach));
    }

    private Uni<Integer> offerEach(List<RoutingRequest> requests) {
        if (requests.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(requests)
                .onItem().transformToUniAndConcatenate(this::offerToIdlestAgent)
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> offerToIdlestAgent(RoutingRequest request) {
        return NativeSql.locked(Agent.class, idlestAgent, request.id)
                .chain(agents -> agents.isEmpty() ? Uni.createFrom().item(0)
                        : RoutingQueue.<RoutingQueue>findById(request.queue)
                        .chain(queue -> offering.offer(request, agents.get(0), queue.offerTimeout()))
                        .replaceWith(1));
    }
}
