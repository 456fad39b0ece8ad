package io.switchboard.kit.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Events;
import io.switchboard.events.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies each consumed event at most once. The event id is recorded in the same transaction as the effect, so a
 * redelivery (rebalance, restart, replay) finds it and changes nothing. Records that are not valid events fail at
 * once and go to the channel's dead-letter topic; transient failures (database briefly away) are retried with
 * back-off first, holding back the rest of the partition so that the chat's order is kept.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final int retries;
    private final Duration initialBackOff;
    private final Duration maxBackOff;

    public ProcessedEvents(@ConfigProperty(name = "switchboard.consumer.retries") int retries,
                           @ConfigProperty(name = "switchboard.consumer.initial-back-off") Duration initialBackOff,
                           @ConfigProperty(name = "switchboard.consumer.max-back-off") Duration maxBackOff) {
        this.retries = retries;
        this.initialBackOff = initialBackOff;
        this.maxBackOff = maxBackOff;
    }

    /**
     * Parses a record value and applies {@code effect} once per event id for {@code consumer}, in one transaction.
     *
     * @param consumer names the effect; two effects of one service on the same event need two names
     */
    public Uni<Void> handle(String consumer, String recordValue, Function<EventEnvelope, Uni<?>> effect) {
        return Uni.createFrom().item(() -> Events.read(recordValue))
                .chain(envelope -> once(consumer, envelope, effect));
    }

    public Uni<Void> once(String consumer, EventEnvelope envelope, Function<EventEnvelope, Uni<?>> effect) {
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("""
                                        insert into processed_event(consumer, event_id, processed_at)
                                        values (?1, ?2, now()) on conflict do nothing""")
                                .setParameter(1, consumer)
                                .setParameter(2, envelope.id())
                                .executeUpdate())
                        .chain(inserted -> inserted == 0 ? Uni.createFrom().voidItem()
                                : effect.apply(envelope).replaceWithVoid()))
                .onFailure(failure -> !(failure instanceof InvalidEventException || failure instanceof PermanentEventFailure))
                .retry().withBackOff(initialBackOff, maxBackOff).atMost(retries);
    }
}
