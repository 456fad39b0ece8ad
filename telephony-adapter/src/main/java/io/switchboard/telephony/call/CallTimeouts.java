package io.switchboard.telephony.call;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.telephony.TelephonyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Ends the calls nobody reports on any more: DIALLING longer than the dialling timeout (FAILED {@code no-answer}),
 * an attempt whose outcome was lost (PLACING as long: FAILED {@code error}, never sent again) and CONNECTED longer
 * than the longest call (ENDED {@code error}). Replicas may run it at the same time: each call is ended under its
 * row lock and skipped by the others ({@code for update skip locked}), so it is published once.
 */
@ApplicationScoped
public class CallTimeouts {

    private static final Logger LOG = Logger.getLogger(CallTimeouts.class);
    static final int BATCH = 200;

    private final CallEvents events;
    private final Transactions tx;
    private final TelephonyConfig config;

    public CallTimeouts(CallEvents events, Transactions tx, TelephonyConfig config) {
        this.events = events;
        this.tx = tx;
        this.config = config;
    }

    /** An attempt must be over (answered or timed out) before the timeout may call it lost. */
    void checkSettings(@Observes StartupEvent start) {
        if (config.diallingTimeout().compareTo(config.pbx().requestTimeout().multipliedBy(2)) < 0) {
            throw new IllegalStateException("switchboard.telephony.dialling-timeout (" + config.diallingTimeout()
                    + ") must be at least twice switchboard.telephony.pbx.request-timeout ("
                    + config.pbx().requestTimeout() + ")");
        }
    }

    @Scheduled(every = "${switchboard.telephony.timeout-check}", delayed = "${switchboard.telephony.timeout-check}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> check() {
        return endBatch().chain(ended -> ended == BATCH ? check() : Uni.createFrom().voidItem());
    }

    /** Deletes the finished calls older than the retention (any replica; a delete twice deletes nothing more). */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> prune() {
        return tx.commit(() -> NativeSql.update("""
                        delete from telephony_call
                        where state in ('FAILED', 'ENDED') and finished_at < now() - $1 * interval '1 second'""",
                config.retention().toSeconds()))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("%d finished call(s) older than %s deleted", deleted, config.retention());
                    }
                })
                .replaceWithVoid();
    }

    /** @return how many calls were ended */
    Uni<Integer> endBatch() {
        return tx.commit(() -> NativeSql.locked(TelephonyCall.class, """
                                select request_id from telephony_call
                                where (state = 'DIALLING' and dialling_at < now() - $1 * interval '1 millisecond')
                                   or (state = 'PLACING' and attempt_started_at < now() - $1 * interval '1 millisecond')
                                   or (state = 'CONNECTED' and connected_at < now() - $2 * interval '1 millisecond')
                                order by updated_at limit $3
                                for update skip locked""",
                        config.diallingTimeout().toMillis(), config.maxCallDuration().toMillis(), BATCH)
                .chain(this::end));
    }

    private Uni<Integer> end(List<TelephonyCall> calls) {
        if (calls.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Instant now = Calls.now();
        return Multi.createFrom().iterable(calls)
                .onItem().transformToUniAndConcatenate(call -> {
                    CallState was = call.state;
                    StatusUpdate update = switch (was) {
                        case DIALLING -> new StatusUpdate(null, "no-answer", null, null, null);
                        case PLACING -> {
                            call.lastError = "the outcome of attempt " + call.attempts
                                    + " was lost (restart?); not sent again";
                            yield new StatusUpdate(null, "error", null, null, null);
                        }
                        default -> new StatusUpdate(null, "error", null,
                                Duration.between(call.connectedAt, now).toSeconds(), null);
                    };
                    CallState target = was == CallState.CONNECTED ? CallState.ENDED : CallState.FAILED;
                    LOG.infof("call %s of chat %s: %s too long, %s %s", call.requestId, call.chatId, was, target,
                            update.reason());
                    Calls.moveTo(call, target, update, now);
                    return events.statusChanged(call, now);
                })
                .collect().last()
                .replaceWith(calls.size());
    }
}
