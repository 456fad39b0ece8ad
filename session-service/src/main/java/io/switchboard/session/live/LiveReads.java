package io.switchboard.session.live;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.tx.Transactions;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
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

    private final Vertx vertx;
    private final Transactions tx;

    LiveReads(Vertx vertx, Transactions tx) {
        this.vertx = vertx;
        this.tx = tx;
    }

    <T> Uni<T> read(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> tx.read(work).subscribe().with(emitter::complete, emitter::fail));
        });
    }
}
