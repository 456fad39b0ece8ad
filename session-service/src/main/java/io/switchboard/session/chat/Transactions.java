package io.switchboard.session.chat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Runs a state change in one transaction and, once it committed, asks the outbox relay to publish its events at
 * once: participants on other instances see the change without waiting for the relay's next poll.
 */
@ApplicationScoped
public class Transactions {

    private final OutboxRelay relay;

    public Transactions(OutboxRelay relay) {
        this.relay = relay;
    }

    public <T> Uni<T> commit(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work).invoke(relay::kick);
    }

    public <T> Uni<T> read(Supplier<Uni<T>> work) {
        return Panache.withSession(work);
    }
}
