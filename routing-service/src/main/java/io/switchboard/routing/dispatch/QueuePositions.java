package io.switchboard.routing.dispatch;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.routing.RoutingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tells waiting contacts where they stand: a QUEUED decision with position and estimated wait when they enter a
 * queue and again whenever their position changes.
 */
@ApplicationScoped
public class QueuePositions {

    /**
     * Only rows whose position changed are updated; rows another transaction holds are left for the next run, so
     * replicas never wait on (or deadlock with) each other here.
     */
    private static final String REPOSITION = """
            with ranked as (
                select id, row_number() over (partition by queue
                                              order by priority_boost desc, waiting_since, id) as position
                from routing_request where status = 'WAITING'),
            changed as (
                select r.id, ranked.position from routing_request r join ranked on ranked.id = r.id
                where r.status = 'WAITING' and r.last_position is distinct from ranked.position
                for update of r skip locked)
            update routing_request r set last_position = changed.position
            from changed where changed.id = r.id
            returning cast(r.id as varchar)""";

    private static final String AHEAD = """
            select count(*) from routing_request
            where queue = $1 and status = 'WAITING' and (waiting_since < $2 or (waiting_since = $2 and id < $3))""";

    private static final String ANSWERED = """
            select count(*) from routing_request where queue = $1 and outcome = 'ACCEPTED' and answered_at > $2""";

    private final EventOutbox outbox;
    private final RoutingConfig config;
    private final Transactions tx;

    public QueuePositions(EventOutbox outbox, RoutingConfig config, Transactions tx) {
        this.tx = tx;
        this.outbox = outbox;
        this.config = config;
    }

    /** Announces the position of a request that just entered its queue. */
    public Uni<Void> announce(RoutingRequest request, String reason) {
        return NativeSql.value(AHEAD, Long.class, request.queue, request.waitingSince, request.id)
                .chain(ahead -> {
                    int position = ahead.intValue() + 1;
                    request.lastPosition = position;
                    return estimateSeconds(request.queue, position)
                            .chain(wait -> outbox.publish(
                                    Decisions.queued(request, position, wait, reason, Instant.now())));
                })
                .replaceWithVoid();
    }

    /**
     * Publishes a QUEUED decision for every waiting request whose position changed since the last run; on a period
     * of its own, so that a busy queue sends each contact a few updates, not one per chat ahead of them.
     */
    @Scheduled(every = "${switchboard.routing.position-interval}", delayed = "${switchboard.routing.position-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> announceChanges() {
        return tx.commit(() -> NativeSql.column(REPOSITION, String.class)
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().voidItem() : announce(ids)));
    }

    private Uni<Void> announce(List<String> ids) {
        Instant now = Instant.now();
        return RoutingRequest.<RoutingRequest>list("id in ?1", ids.stream().map(UUID::fromString).toList())
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(request -> estimateSeconds(request.queue, request.lastPosition)
                        .chain(wait -> outbox.publish(Decisions.queued(request, request.lastPosition, wait, null, now))))
                .collect().last()
                .replaceWithVoid();
    }

    /**
     * Position times the average time between two answers in the queue over the stats window (Little's law); a
     * configured time per position when the queue answered nothing lately.
     */
    public Uni<Integer> estimateSeconds(String queue, int position) {
        long windowSeconds = config.stats().window().toSeconds();
        return NativeSql.value(ANSWERED, Long.class, queue, Instant.now().minusSeconds(windowSeconds))
                .map(answered -> answered == 0
                        ? (int) (position * config.waitEstimatePerPosition().toSeconds())
                        : (int) Math.ceil((double) position * windowSeconds / answered));
    }
}
