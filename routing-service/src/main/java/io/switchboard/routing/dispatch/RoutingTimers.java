package io.switchboard.routing.dispatch;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.OfferKind;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.offer.OfferAnswers;
import io.switchboard.routing.queue.RoutingQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The durable timers: offers past their expiry and requests past their queue's maximum wait are rows with due
 * times, polled here by every replica ({@code SKIP LOCKED} splits the work), so a restart loses none.
 */
@ApplicationScoped
public class RoutingTimers {

    private static final String EXPIRED_OFFERS = """
            select r.id from routing_request r join offer o on o.routing_request_id = r.id
            where o.status = 'OPEN' and o.expires_at <= $1
            order by o.expires_at limit $2
            for update of r skip locked""";

    private static final String OVERDUE_REQUESTS = """
            select id from routing_request where status = 'WAITING' and deadline <= $1
            order by deadline limit $2
            for update skip locked""";

    /** Open offers to agents whose desktop has been gone longer than the grace period. */
    private static final String OFFERS_TO_ABSENT = """
            select r.id from routing_request r join offer o on o.routing_request_id = r.id join agent a on a.id = o.agent_id
            where o.status = 'OPEN' and not a.desktop_connected and a.desktop_lost_at <= $1
            order by a.desktop_lost_at limit $2
            for update of r skip locked""";

    /** Agents whose desktop has been gone longer than the grace period (their offers were withdrawn first). */
    private static final String ABSENT_AGENTS = """
            select a.id from agent a where not a.desktop_connected and a.desktop_lost_at <= $1
              and not exists (select 1 from offer o where o.agent_id = a.id and o.status = 'OPEN')
            order by a.desktop_lost_at limit $2
            for update skip locked""";

    private final OfferAnswers answers;
    private final QueuePositions positions;
    private final EventOutbox outbox;
    private final Dispatcher dispatcher;
    private final int batchSize;
    private final Transactions tx;
    private final boolean presenceRequired;
    private final Duration presenceGrace;

    public RoutingTimers(OfferAnswers answers, QueuePositions positions, EventOutbox outbox, Dispatcher dispatcher,
                         RoutingConfig config, Transactions tx) {
        this.tx = tx;
        this.answers = answers;
        this.positions = positions;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.batchSize = config.batchSize();
        this.presenceRequired = config.presence().required();
        this.presenceGrace = config.presence().grace();
    }

    @Scheduled(every = "${switchboard.routing.timer-interval}", delayed = "${switchboard.routing.timer-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return expireOffers()
                .chain(expired -> overflowOrGiveUp().map(moved -> expired + moved))
                .chain(changed -> desktopsGone().map(withdrawn -> changed + withdrawn))
                .invoke(changed -> {
                    if (changed > 0) {
                        dispatcher.kick();
                    }
                })
                .replaceWithVoid();
    }

    Uni<Integer> expireOffers() {
        return tx.commit(() -> due(EXPIRED_OFFERS).chain(requests -> each(requests,
                request -> Rows.lockOpenOffer(request.id)
                        .chain(offer -> offer == null ? Uni.createFrom().voidItem() : answers.expire(request, offer)))));
    }

    /**
     * Agents whose last desktop closed more than the grace period ago: their open offers go back to the queue, then
     * they go NOT_READY "disconnected" (if they were READY or in after-chat work) and the grace is over.
     */
    Uni<Integer> desktopsGone() {
        if (!presenceRequired) {
            return Uni.createFrom().item(0);
        }
        return tx.commit(() -> due(OFFERS_TO_ABSENT, Instant.now().minus(presenceGrace))
                        .chain(requests -> each(requests, request -> Rows.lockOpenOffer(request.id)
                                .chain(offer -> offer == null ? Uni.createFrom().voidItem()
                                        : answers.withdrawFromAbsent(request, offer)))))
                .chain(withdrawn -> tx.commit(() -> NativeSql.locked(Agent.class, ABSENT_AGENTS,
                                Instant.now().minus(presenceGrace), batchSize)
                        .chain(agents -> each(agents, agent -> {
                            agent.desktopLostAt = null;
                            return answers.leftDesk(agent, Instant.now());
                        }))
                        .map(gone -> withdrawn)));
    }

    Uni<Integer> overflowOrGiveUp() {
        return tx.commit(() -> due(OVERDUE_REQUESTS).chain(requests -> each(requests,
                request -> RoutingQueue.<RoutingQueue>findById(request.queue).chain(queue -> nextQueue(queue, request)
                        .chain(next -> next == null ? giveUp(request, queue) : overflow(request, queue, next))))));
    }

    private Uni<RoutingQueue> nextQueue(RoutingQueue current, RoutingRequest request) {
        if (current == null || current.overflowQueue == null || request.visited(current.overflowQueue)) {
            return Uni.createFrom().nullItem();
        }
        return RoutingQueue.findById(current.overflowQueue);
    }

    private Uni<Void> overflow(RoutingRequest request, RoutingQueue from, RoutingQueue to) {
        Instant now = Instant.now();
        String reason = "No agent answered within " + from.maxWaitSeconds + "s in " + from.name + "; moved to "
                + to.name + ".";
        request.moveTo(to.name, now, now.plus(to.maxWait()));
        return outbox.publish(Decisions.finished(RoutingOutcome.OVERFLOWED, request, reason, now))
                .chain(() -> positions.announce(request, null));
    }

    private Uni<Void> giveUp(RoutingRequest request, RoutingQueue queue) {
        Instant now = Instant.now();
        String waited = queue == null ? "" : " within " + queue.maxWaitSeconds + "s";
        // A new chat ends for the contact; a transfer or invitation fails and the chat stays with its agent.
        RoutingOutcome outcome = request.kind == OfferKind.CHAT ? RoutingOutcome.UNANSWERED : RoutingOutcome.FAILED;
        request.finish(outcome, now);
        return outbox.publish(Decisions.finished(outcome, request, "No agent was available" + waited + ".", now))
                .replaceWithVoid();
    }

    private Uni<List<RoutingRequest>> due(String sql) {
        return due(sql, Instant.now());
    }

    private Uni<List<RoutingRequest>> due(String sql, Instant time) {
        return NativeSql.locked(RoutingRequest.class, sql, time, batchSize);
    }

    /** One after the other (one reactive session); how many there were. */
    private static <T> Uni<Integer> each(List<T> items, Function<T, Uni<Void>> action) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> action.apply(item).replaceWith(1))
                .collect().asList().map(List::size);
    }
}
