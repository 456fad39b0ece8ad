package io.switchboard.kit.tx;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * The one way a service runs its database work: {@link #commit} for a state change (and the outbox rows it
 * writes, which commit with it), {@link #read} for reads. Nothing to do after the commit: PostgreSQL's NOTIFY wakes
 * the outbox relays of every replica when a transaction with outbox rows commits.
 */
@ApplicationScoped
public class Transactions {

    /** Runs {@code work} in one transaction (joining the current one if there is one). */
    public <T> Uni<T> commit(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work);
    }

    /** Runs {@code work} in a session without a transaction of its own. */
    public <T> Uni<T> read(Supplier<Uni<T>> work) {
        return Panache.withSession(work);
    }
}
