package io.switchboard.kit.inbox;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Repeats a piece of work until it succeeds or fails permanently, with a capped exponential back-off and without
 * limit: a consumer waits out a database or broker outage instead of giving its records up. The pauses are Vert.x
 * timers on the caller's context, so a retried Hibernate Reactive transaction runs where its session lives.
 */
@ApplicationScoped
public class Patience {

    private static final Logger LOG = Logger.getLogger(Patience.class);

    private final InboxConfig config;

    public Patience(InboxConfig config) {
        this.config = config;
    }

    /** @param what names the work in the log lines of failed attempts */
    public <T> Uni<T> untilDone(String what, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> attempt(what, work, Vertx.currentContext(), 1));
    }

    private <T> Uni<T> attempt(String what, Supplier<Uni<T>> work, Context context, int attempt) {
        return Uni.createFrom().deferred(work::get)
                .onFailure(EventFailures::isRetryable).recoverWithUni(failure -> {
                    Duration pause = backOff(attempt);
                    LOG.warnf("%s failed (attempt %d), trying again in %d ms: %s", what, attempt, pause.toMillis(),
                            EventFailures.reason(failure));
                    return pause(context, pause).chain(() -> attempt(what, work, context, attempt + 1));
                });
    }

    Duration backOff(int attempt) {
        Duration pause = config.initialBackOff();
        for (int i = 1; i < attempt && pause.compareTo(config.maxBackOff()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(config.maxBackOff()) < 0 ? pause : config.maxBackOff();
    }

    private static Uni<Void> pause(Context context, Duration pause) {
        if (context == null) {
            return Uni.createFrom().voidItem().onItem().delayIt().by(pause);
        }
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored ->
                context.owner().setTimer(Math.max(1, pause.toMillis()), timer -> emitter.complete(null))));
    }
}
