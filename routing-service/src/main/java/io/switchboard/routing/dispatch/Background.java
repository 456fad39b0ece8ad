package io.switchboard.routing.dispatch;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Runs database work started from another piece of work (a consumer, a REST call) on its own Vert.x context, so
 * that it opens its own Hibernate Reactive session instead of joining the caller's.
 */
@ApplicationScoped
public class Background {

    private final Vertx vertx;

    public Background(Vertx vertx) {
        this.vertx = vertx;
    }

    public void run(String what, Supplier<Uni<Void>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.get().subscribe().with(done -> { },
                failure -> Log.warnf("%s failed, the next scheduled run retries: %s", what, failure.getMessage())));
    }
}
