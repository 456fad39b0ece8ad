package io.switchboard.session.live;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.tx.OwnContext;
import io.switchboard.kit.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * The database reads of live delivery, each on a Vert.x context of its own. Deliveries start from Kafka records,
 * socket frames and completed socket writes, which share contexts, and Hibernate Reactive keeps one session per
 * context: two reads on one context at once would use, and close, each other's session (seen under load as
 * "possible non-threadsafe access to session" and offers that never reached the desk).
 */
@ApplicationScoped
class LiveReads {

    private final OwnContext ownContext;
    private final Transactions tx;

    LiveReads(OwnContext ownContext, Transactions tx) {
        this.ownContext = ownContext;
        this.tx = tx;
    }

    <T> Uni<T> read(Supplier<Uni<T>> work) {
        return ownContext.run(() -> tx.read(work));
    }
}
