package io.switchboard.session.hours;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Events;
import io.switchboard.events.OpeningHours;
import io.switchboard.events.QueueHours;
import io.switchboard.kit.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Whether a queue takes chats now, from the hours routing publishes on {@code queue.hours}: a chat request to a
 * closed queue is refused before anything is stored, so the contact is told at once and can leave a message.
 * Runs inside the caller's transaction.
 */
@ApplicationScoped
public class QueueOpening {

    /** Keeps the newest hours of the queue (the highest version), whatever order they arrive in. */
    public Uni<Void> learn(QueueHours hours) {
        return KnownHours.<KnownHours>findById(hours.queue()).chain(known -> {
            if (known != null && known.version >= hours.version()) {
                return Uni.createFrom().voidItem();
            }
            KnownHours row = known != null ? known : new KnownHours();
            row.queue = hours.queue();
            row.hours = json(hours);
            row.version = hours.version();
            return row.persist().replaceWithVoid();
        });
    }

    /** Fails with 409 {@code queue-closed} (with {@code opensAt}) when the queue is closed at {@code now}. */
    public Uni<Void> requireOpen(String queue, Instant now) {
        return KnownHours.<KnownHours>findById(queue).map(known -> {
            OpeningHours.Availability at = OpeningHours.at(known == null ? null : read(known.hours), now);
            if (!at.open()) {
                throw Problems.conflict("queue-closed", "Queue closed", "Queue '" + queue + "' is closed"
                                + (at.opensAt() == null ? "." : "; it opens at " + at.opensAt() + "."))
                        .with("queue", queue).with("opensAt", at.opensAt());
            }
            return null;
        }).replaceWithVoid();
    }

    private static String json(QueueHours hours) {
        try {
            return Events.json().writeValueAsString(hours);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the hours of " + hours.queue(), e);
        }
    }

    private static QueueHours read(String json) {
        try {
            return Events.json().readValue(json, QueueHours.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt queue hours: " + json, e);
        }
    }
}
