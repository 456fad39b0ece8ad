package io.switchboard.telephony.call;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.kit.tx.OwnContext;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.telephony.TelephonyConfig;
import io.switchboard.telephony.pbx.ClickToCall;
import io.switchboard.telephony.pbx.PbxClient;
import io.switchboard.telephony.pbx.PbxOutcome;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Places the requested calls through the PBX, each at most once per attempt and never twice at the same time:
 * <ol>
 *   <li>a transaction claims the due requests (REQUESTED, {@code next_attempt_at} reached; rows another replica
 *   is claiming are skipped) and records the attempt: PLACING, {@code attempts + 1};</li>
 *   <li>after that commit, and with no transaction open, the click-to-call request is sent (non-blocking);</li>
 *   <li>a second transaction settles the attempt, only if the call is still PLACING in that attempt (a status
 *   callback may have come first): DIALLING, FAILED, or REQUESTED again with the time of the next attempt.</li>
 * </ol>
 * A request is only ever sent from PLACING, which only the claim enters: a redelivered event, a second replica or
 * a restart cannot send it again. A crash between 1 and 3 leaves the call PLACING; it is never sent again (the PBX
 * may have dialled): {@link CallTimeouts} ends it after the dialling timeout unless a status callback comes.
 */
@ApplicationScoped
public class Dialler {

    private static final Logger LOG = Logger.getLogger(Dialler.class);
    static final String ATTEMPTS_METRIC = "switchboard.telephony.attempts";

    private final PbxClient pbx;
    private final CallEvents events;
    private final Transactions tx;
    private final OwnContext ownContext;
    private final TelephonyConfig.Pbx settings;
    private final MeterRegistry registry;
    private final Vertx vertx;
    /** This replica's dialling loop runs. */
    private final AtomicBoolean running = new AtomicBoolean();
    /** Someone asked for a look since the loop's last claim. */
    private final AtomicBoolean wanted = new AtomicBoolean();

    /** A claimed request: what the attempt needs, and which attempt it is. */
    record Claimed(String requestId, String chatId, String agentId, String phoneNumber, int attempt) {
    }

    public Dialler(PbxClient pbx, CallEvents events, Transactions tx, OwnContext ownContext, TelephonyConfig config,
                   MeterRegistry registry, Vertx vertx) {
        this.pbx = pbx;
        this.events = events;
        this.tx = tx;
        this.ownContext = ownContext;
        this.settings = config.pbx();
        this.registry = registry;
        this.vertx = vertx;
        for (String outcome : List.of("accepted", "retry", "refused", "unreachable", "not-configured", "late")) {
            registry.counter(ATTEMPTS_METRIC, "outcome", outcome);
        }
    }

    @Scheduled(every = "${switchboard.telephony.dial-poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        return dialDue();
    }

    /** Looks for due requests now (after the consumer recorded new ones), on a context of its own. */
    public void kick() {
        ownContext.run(this::dialDue).subscribe().with(ignored -> { },
                failure -> LOG.warnf("looking for calls to place failed (the next poll tries again): %s", failure));
    }

    /**
     * Places the due calls, one loop per replica: a wake-up while the loop runs makes it look again when it is done
     * (not a second loop), so at most {@code max-concurrent-requests} requests of this replica are in flight.
     */
    Uni<Void> dialDue() {
        wanted.set(true);
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return dialBatches()
                .onTermination().invoke(() -> running.set(false))
                .chain(() -> wanted.get() ? dialDue() : Uni.createFrom().voidItem());
    }

    /**
     * Claims and places batches until none is full and nobody asked again meanwhile. What replicas do: several such
     * loops (one per replica) claim from the same table, each row by one of them.
     */
    Uni<Void> dialBatches() {
        wanted.set(false);
        int batch = Math.max(1, settings.maxConcurrentRequests());
        return ownContext.run(() -> tx.commit(() -> claim(batch)))
                .chain(claimed -> {
                    Uni<Void> all = claimed.isEmpty() ? Uni.createFrom().voidItem()
                            : Multi.createFrom().iterable(claimed)
                                    .onItem().transformToUni(this::attempt).merge(batch)
                                    .collect().last().replaceWithVoid();
                    return all.chain(() -> claimed.size() == batch ? dialBatches() : Uni.createFrom().voidItem());
                });
    }

    private Uni<List<Claimed>> claim(int batch) {
        return NativeSql.locked(TelephonyCall.class, """
                        select request_id from telephony_call where state = 'REQUESTED' and next_attempt_at <= now()
                        order by next_attempt_at limit $1 for update skip locked""", batch)
                .map(calls -> {
                    Instant now = Calls.now();
                    return calls.stream().map(call -> {
                        call.state = CallState.PLACING;
                        call.attempts++;
                        call.attemptStartedAt = now;
                        call.nextAttemptAt = null;
                        call.updatedAt = now;
                        return new Claimed(call.requestId, call.chatId, call.agentId, call.phoneNumber,
                                call.attempts);
                    }).toList();
                });
    }

    /** Sends the attempt (no transaction open) and settles it; never fails. */
    private Uni<Void> attempt(Claimed claimed) {
        return pbx.place(new ClickToCall.Call(claimed.requestId(), claimed.chatId(), claimed.agentId(),
                        claimed.phoneNumber()))
                .chain(outcome -> ownContext.run(() -> tx.commit(() -> settle(claimed, outcome)))
                        // The database may be away for a moment: the outcome is worth waiting for (a lost one
                        // leaves the call PLACING until the dialling timeout).
                        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                        .expireIn(Duration.ofMinutes(1).toMillis()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf("call %s: the outcome of attempt %d could not be recorded: %s",
                            claimed.requestId(), claimed.attempt(), failure);
                    return null;
                })
                .replaceWithVoid();
    }

    private Uni<Void> settle(Claimed claimed, PbxOutcome outcome) {
        return TelephonyCall.<TelephonyCall>findById(claimed.requestId(), LockModeType.PESSIMISTIC_WRITE)
                .chain(call -> {
                    if (call == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (call.state != CallState.PLACING || call.attempts != claimed.attempt()) {
                        // A status callback (or the timeout) came first; keep what it said.
                        if (outcome instanceof PbxOutcome.Accepted accepted && call.providerCallId == null
                                && accepted.providerCallId() != null) {
                            call.providerCallId = accepted.providerCallId();
                        }
                        count(outcome instanceof PbxOutcome.Accepted ? "accepted" : "late");
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = Calls.now();
                    call.updatedAt = now;
                    if (outcome instanceof PbxOutcome.Accepted accepted) {
                        count("accepted");
                        call.state = CallState.DIALLING;
                        call.diallingAt = now;
                        call.providerCallId = accepted.providerCallId();
                        call.lastError = null;
                        return events.statusChanged(call, now);
                    }
                    if (outcome instanceof PbxOutcome.Refused refused) {
                        count("refused");
                        LOG.warnf("call %s: the PBX refused the click-to-call request (%s)", call.requestId,
                                refused.detail());
                        return fail(call, "rejected", refused.detail(), now);
                    }
                    if (outcome instanceof PbxOutcome.NotConfigured notConfigured) {
                        count("not-configured");
                        LOG.warnf("call %s: not placed, %s", call.requestId, notConfigured.detail());
                        return fail(call, "not-configured", notConfigured.detail(), now);
                    }
                    return retryOrGiveUp(call, (PbxOutcome.Temporary) outcome, now);
                });
    }

    private Uni<Void> retryOrGiveUp(TelephonyCall call, PbxOutcome.Temporary temporary, Instant now) {
        boolean mayRetry = !temporary.timedOut() || settings.retryOnTimeout();
        if (!mayRetry || call.attempts >= settings.maxAttempts()) {
            count("unreachable");
            LOG.warnf("call %s: PBX unreachable after %d attempt(s), giving up (%s)", call.requestId, call.attempts,
                    temporary.detail());
            return fail(call, "unreachable", temporary.detail(), now);
        }
        count("retry");
        Duration wait = backOff(call.attempts);
        if (temporary.retryAfter() != null) {
            Duration asked = min(temporary.retryAfter(), settings.maxRetryAfter());
            wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        LOG.infof("call %s: attempt %d failed (%s), next in %s", call.requestId, call.attempts, temporary.detail(),
                wait);
        call.state = CallState.REQUESTED;
        call.nextAttemptAt = now.plus(wait);
        call.lastError = truncate(temporary.detail());
        // Tried again when due, not at the next poll (a kick before this commits finds nothing and does no harm).
        vertx.setTimer(Math.max(1, wait.toMillis()), id -> kick());
        return Uni.createFrom().voidItem();
    }

    /** The wait after the {@code attempts}-th failed attempt: initial, doubled each time, at most the maximum. */
    Duration backOff(int attempts) {
        Duration wait = settings.initialBackOff();
        for (int i = 1; i < attempts && wait.compareTo(settings.maxBackOff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return min(wait, settings.maxBackOff());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private Uni<Void> fail(TelephonyCall call, String reason, String detail, Instant now) {
        call.state = CallState.FAILED;
        call.reason = reason;
        call.lastError = truncate(detail);
        call.finishedAt = now;
        return events.statusChanged(call, now);
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }

    private void count(String outcome) {
        registry.counter(ATTEMPTS_METRIC, "outcome", outcome).increment();
    }
}
