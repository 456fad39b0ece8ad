package io.switchboard.routing.queue;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.OpeningHours;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.kit.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Business hours of the queues: supervisors set and clear them, every change is published on {@code queue.hours}
 * (session-service refuses chat requests with them), and intake asks whether a queue is open. Runs inside the
 * caller's transaction.
 */
@ApplicationScoped
public class OpeningTimes {

    private final EventOutbox outbox;

    public OpeningTimes(EventOutbox outbox) {
        this.outbox = outbox;
    }

    public Uni<HoursDefinition> read(String queue) {
        return existing(queue).chain(() -> BusinessHours.<BusinessHours>findById(queue)).map(HoursDefinition::of);
    }

    /** Sets a queue's hours (checked: see {@link HoursDefinition#checked()}) and publishes them. */
    public Uni<HoursDefinition> set(String queue, HoursDefinition definition, String by) {
        return Uni.createFrom().item(definition::checked).chain(hours -> existing(queue)
                .chain(() -> BusinessHours.<BusinessHours>findById(queue)).chain(known -> {
                    BusinessHours row = known != null ? known : newRow(queue);
                    row.set(hours.timeZone(), hours.weekly(), hours.holidays(), by, Instant.now());
                    return row.<BusinessHours>persist().chain(saved -> outbox.publish(saved.event()))
                            .replaceWith(hours);
                }));
    }

    /** The queue is always open again; also when it is deleted, so that no reader keeps its old hours. */
    public Uni<Void> clear(String queue, String by) {
        return BusinessHours.<BusinessHours>findById(queue).chain(row -> {
            if (row == null || row.timeZone == null) {
                return Uni.createFrom().voidItem();
            }
            row.set(null, List.of(), List.of(), by, Instant.now());
            return outbox.publish(row.event()).replaceWithVoid();
        });
    }

    /** Whether the queue is open at {@code now}; a queue without hours always is. */
    public Uni<OpeningHours.Availability> at(String queue, Instant now) {
        return BusinessHours.<BusinessHours>findById(queue)
                .map(row -> OpeningHours.at(row == null ? null : row.event(), now));
    }

    private static BusinessHours newRow(String queue) {
        BusinessHours row = new BusinessHours();
        row.queue = queue;
        return row;
    }

    private static Uni<RoutingQueue> existing(String queue) {
        return RoutingQueue.<RoutingQueue>findById(queue).map(found -> {
            if (found == null) {
                throw Problems.notFound("Queue", queue);
            }
            return found;
        });
    }
}
