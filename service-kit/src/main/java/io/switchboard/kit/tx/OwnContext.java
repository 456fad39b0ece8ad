package io.switchboard.kit.tx;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Runs reactive database work on a Vert.x context of its own (a new duplicated context, marked safe). Hibernate
 * Reactive keeps one session per context: work started from other work that shares a context (Kafka records, socket
 * frames and writes, a REST call's follow-up in the background) would otherwise join, and close, the caller's
 * session ("possible non-threadsafe access to session"). With its own context it opens its own.
 */
@ApplicationScoped
public class OwnContext {

    private final Vertx vertx;

    public OwnContext(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Subscribes to {@code work} on a new context; the result (or failure) is emitted from that context. */
    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> Uni.createFrom().<T>deferred(work::get)
                    .subscribe().with(emitter::complete, emitter::fail));
        });
    }
}
