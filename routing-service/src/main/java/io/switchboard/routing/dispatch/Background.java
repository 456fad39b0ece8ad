package io.switchboard.routing.dispatch;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.tx.OwnContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Runs database work started from another piece of work (a consumer, a REST call) on its own Vert.x context, so
 * that it opens its own Hibernate Reactive session instead of joining the caller's, and does not wait for it.
 */
@ApplicationScoped
public class Background {

    private final OwnContext ownContext;

    public Background(OwnContext ownContext) {
        this.ownContext = ownContext;
    }

    public void run(String what, Supplier<Uni<Void>> work) {
        ownContext.run(work).subscribe().with(done -> { },
                failure -> Log.warnf("%s failed, the next scheduled run retries: %s", what, failure.getMessage()));
    }
}
