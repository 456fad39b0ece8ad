package io.switchboard.transcript.delivery;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.switchboard.kit.trace.EventSpans;
import io.switchboard.kit.trace.TraceContexts;
import io.switchboard.transcript.TranscriptConfig;
import io.switchboard.transcript.mail.RenderedMail;
import io.switchboard.transcript.mail.TranscriptMailer;
import io.switchboard.transcript.mail.TranscriptRenderer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.MDC;

/**
 * Mails due transcript requests, one at a time per instance, on a worker thread (SMTP and IMAP block). Every step
 * is recorded in {@link DeliveryLedger} first, so several instances can run this side by side and any of them can
 * pick up where a crashed one stopped. Runs on a timer and whenever an event may have made a request due.
 */
@ApplicationScoped
public class TranscriptDispatcher {

    private final DeliveryLedger ledger;
    private final TranscriptRenderer renderer;
    private final TranscriptMailer mailer;
    private final SentMailAudit audit;
    private final int batchSize;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final Tracer tracer;

    private static final AttributeKey<String> CHAT_ID = AttributeKey.stringKey("switchboard.chat.id");
    private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("switchboard.transcript.request.id");

    public TranscriptDispatcher(DeliveryLedger ledger, TranscriptRenderer renderer, TranscriptMailer mailer,
                                SentMailAudit audit, TranscriptConfig settings, OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.switchboard.transcript");
        this.ledger = ledger;
        this.renderer = renderer;
        this.mailer = mailer;
        this.audit = audit;
        this.batchSize = settings.delivery().batchSize();
    }

    @Scheduled(every = "${switchboard.transcript.delivery.poll-interval}",
            delayed = "${switchboard.transcript.delivery.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        runExclusively();
    }

    /** Looks for due requests now instead of at the next poll; cheap to call often, never blocks the caller. */
    public void kick() {
        Infrastructure.getDefaultWorkerPool().execute(this::runExclusively);
    }

    /** Overlapping calls coalesce into one more round. */
    private void runExclusively() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                sendDue();
            } while (again.get());
        } catch (RuntimeException e) {
            Log.warnf(e, "transcript sender failed; the next run tries again");
        } finally {
            running.set(false);
        }
    }

    /** Recovers abandoned sends, then mails up to one batch of due requests. */
    void sendDue() {
        await(ledger::recoverExpiredLeases);
        for (int examined = 0; examined < batchSize; examined++) {
            ClaimResult next = await(ledger::claimNext);
            if (next instanceof ClaimResult.NothingDue) {
                return;
            }
            if (next instanceof ClaimResult.Ready ready) {
                deliver(ready.claim());
            }
        }
    }

    /**
     * One request, in a span whose parent is the trace that asked for it (Mark Done, a resend): the mail continues
     * the chat's trace, and transcript.sent/failed written meanwhile carry it on. The chat id is in the MDC.
     */
    private void deliver(Claim claim) {
        Context askedBy = TraceContexts.of(claim.traceParent(), claim.traceState());
        Span span = tracer.spanBuilder("transcript mail").setParent(askedBy != null ? askedBy : Context.root())
                .setAttribute(CHAT_ID, claim.chatId()).setAttribute(REQUEST_ID, claim.requestId()).startSpan();
        MDC.put(EventSpans.MDC_CHAT_ID, claim.chatId());
        try {
            deliver(claim, Context.root().with(span));
        } finally {
            span.end();
            MDC.remove(EventSpans.MDC_CHAT_ID);
        }
    }

    private void deliver(Claim claim, Context trace) {
        if (claim.attempts() > 0 && audit.enabled() && settledByAudit(claim, trace)) {
            return;
        }
        RenderedMail mail;
        try {
            mail = renderer.render(claim.content());
        } catch (RuntimeException e) {
            Log.errorf(e, "cannot render the transcript of request %s", claim.requestId());
            await(trace, () -> ledger.recordFailure(claim.requestId(), "the transcript could not be rendered",
                    true));
            return;
        }
        if (!await(trace, () -> ledger.beginAttempt(claim.requestId()))) {
            return;
        }
        try {
            mailer.send(claim.recipient(), claim.messageId(), mail);
        } catch (RuntimeException e) {
            SMTPException refusal = smtpException(e);
            String reason = refusal != null ? "SMTP " + refusal.getReplyCode() + ": " + refusal.getReplyMessage()
                    : "SMTP server unavailable: " + rootMessage(e);
            Log.infof("transcript request %s not sent (%s)", claim.requestId(), reason);
            await(trace, () -> ledger.recordFailure(claim.requestId(), reason,
                    refusal != null && refusal.isPermanent()));
            return;
        }
        try {
            await(trace, () -> ledger.recordSent(claim.requestId()));
        } catch (RuntimeException e) {
            // The e-mail is out but not recorded: the request stays SENDING until its lease expires, and the audit
            // mailbox then shows that it went out.
            Log.warnf(e, "transcript request %s sent but not recorded", claim.requestId());
        }
    }

    /**
     * Looks in the audit mailbox for an earlier attempt whose outcome is unknown. True when that settles this turn:
     * the e-mail is there (recorded as sent) or the mailbox cannot be read (tried again after the back-off).
     */
    private boolean settledByAudit(Claim claim, Context trace) {
        boolean found;
        try {
            found = audit.contains(claim.messageId());
        } catch (Exception e) {
            await(trace, () -> ledger.recordFailure(claim.requestId(),
                    "cannot check the audit mailbox before sending again: " + rootMessage(e), false));
            return true;
        }
        if (found) {
            Log.infof("transcript request %s was already delivered (found in the audit mailbox)", claim.requestId());
            await(trace, () -> ledger.recordSent(claim.requestId()));
        }
        return found;
    }

    private static SMTPException smtpException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /** {@link #await(Supplier)} with {@code trace} current on the Vert.x context for the whole of the work. */
    private static <T> T await(Context trace, Supplier<Uni<T>> work) {
        return await(() -> {
            Scope scope = trace.makeCurrent();
            try {
                return work.get().onTermination().invoke(scope::close);
            } catch (RuntimeException e) {
                scope.close();
                throw e;
            }
        });
    }

    /** Runs reactive (database) work on a Vert.x context and waits for it; this class runs on worker threads. */
    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
