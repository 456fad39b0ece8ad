package io.switchboard.session.call;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.tx.OwnContext;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Ends web calls that ring longer than {@code switchboard.session.call.ring-timeout} with {@code no-answer}. A look at
 * the table, not a timer per call: a call outlives the instance that started it, and every instance may end it (the
 * chat's lock and the state check make the second one do nothing).
 */
@ApplicationScoped
public class RingTimeouts {

    private final Transactions tx;
    private final OwnContext own;
    private final WebCalls calls;
    private final Duration ringTimeout;
    private final int batchSize;

    public RingTimeouts(Transactions tx, OwnContext own, WebCalls calls, SessionConfig config) {
        this.tx = tx;
        this.own = own;
        this.calls = calls;
        this.ringTimeout = config.call().ringTimeout();
        this.batchSize = config.call().ringCheckBatchSize();
    }

    @Scheduled(every = "${switchboard.session.call.ring-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> look() {
        Instant ringingBefore = Instant.now().minus(ringTimeout);
        return own.run(() -> tx.read(() -> ChatCall.ringingSince(ringingBefore, batchSize)))
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem().transformToUniAndConcatenate(call -> own.run(() -> calls.ringTimedOut(call.chatId, call.id,
                                ringingBefore))
                        .onFailure().invoke(failure -> Log.warnf("ring timeout of call %s not applied, tried again"
                                + " next look: %s", call.id, failure.getMessage()))
                        .onFailure().recoverWithNull())
                .collect().last()
                .onFailure().invoke(failure -> Log.warnf("ring timeouts not looked at: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
