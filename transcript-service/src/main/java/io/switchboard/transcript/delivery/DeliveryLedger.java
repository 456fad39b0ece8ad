package io.switchboard.transcript.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.TranscriptFailed;
import io.switchboard.events.TranscriptSent;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.transcript.TranscriptConfig;
import io.switchboard.transcript.domain.RequestOrigin;
import io.switchboard.transcript.domain.RequestStatus;
import io.switchboard.transcript.domain.Transcript;
import io.switchboard.transcript.domain.TranscriptLine;
import io.switchboard.transcript.domain.TranscriptRequest;
import io.switchboard.transcript.mail.TranscriptContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable state of every send, one short transaction per step, so that any instance can take over after any
 * crash. A request is claimed with {@code FOR UPDATE SKIP LOCKED} and held under a lease; the attempt is recorded
 * before the SMTP conversation starts and the outcome right after it, with transcript.sent or transcript.failed
 * in the same transaction (through the outbox).
 */
@ApplicationScoped
public class DeliveryLedger {

    /** Lock what they name, skipping rows another replica holds ({@link NativeSql#locked}). */
    private static final String CLAIM_DUE = """
            select request_id from transcript_request where status = 'PENDING' and next_attempt_at <= $1
            order by next_attempt_at limit 1 for update skip locked""";
    private static final String EXPIRED_LEASES = """
            select request_id from transcript_request where status = 'SENDING' and lease_until < $1
            order by lease_until limit cast($2 as int) for update skip locked""";

    private final EventOutbox outbox;
    private final TranscriptConfig.Delivery delivery;
    private final String messageIdDomain;
    private final RetryPolicy retryPolicy;
    private final SentMailAudit audit;
    private final Transactions tx;
    private final Counter retries;
    private final Counter failures;

    static final String RETRIES = "switchboard.transcript.retries";
    static final String FAILURES = "switchboard.transcript.failed";

    public DeliveryLedger(EventOutbox outbox, TranscriptConfig settings, SentMailAudit audit, Transactions tx,
                          MeterRegistry registry) {
        this.retries = Counter.builder(RETRIES).description("Transcript mails that failed and will be tried again")
                .register(registry);
        this.failures = Counter.builder(FAILURES).description("Transcript mails given up (transcript.failed)")
                .register(registry);
        this.tx = tx;
        this.outbox = outbox;
        this.delivery = settings.delivery();
        this.messageIdDomain = settings.rendering().messageIdDomain();
        this.retryPolicy = new RetryPolicy(delivery.initialBackOff(), delivery.maxBackOff(), delivery.giveUpAfter());
        this.audit = audit;
    }

    /** Claims the next due request if its chat is ready; reschedules or gives up a request that is not. */
    public Uni<ClaimResult> claimNext() {
        Instant now = Instant.now();
        return tx.commit(() -> NativeSql.lockedOne(TranscriptRequest.class, CLAIM_DUE, now)
                .chain(request -> request == null ? Uni.createFrom().item(new ClaimResult.NothingDue())
                        : examine(request, now)));
    }

    private Uni<ClaimResult> examine(TranscriptRequest request, Instant now) {
        return Transcript.<Transcript>findById(request.chatId).chain(transcript -> linesUpToEnd(transcript)
                .chain(lines -> {
                    Readiness readiness = Readiness.of(
                            new Readiness.ChatProgress(transcript.endSeq, transcript.endReceivedAt, lines,
                                    transcript.email != null),
                            request.requestedAt, now, delivery.waitForEnd(), delivery.lateLinesGrace());
                    return switch (readiness.state()) {
                        case WAIT -> {
                            // What was read may already be stale: an event committing meanwhile waits for this
                            // row's lock in its wake-up and then brings the row forward again.
                            request.nextAttemptAt = readiness.wakeAt();
                            yield Uni.createFrom().item(new ClaimResult.Examined());
                        }
                        case GIVE_UP -> fail(request, readiness.reason(), now)
                                .replaceWith(new ClaimResult.Examined());
                        case READY -> claim(request, transcript, now);
                    };
                }));
    }

    private Uni<ClaimResult> claim(TranscriptRequest request, Transcript transcript, Instant now) {
        Optional<String> recipient = Recipient.validate(transcript.email);
        if (recipient.isEmpty()) {
            return fail(request, "the contact's e-mail address is not one valid address", now)
                    .replaceWith(new ClaimResult.Examined());
        }
        request.status = RequestStatus.SENDING;
        request.leaseUntil = now.plus(delivery.lease());
        request.recipient = recipient.get();
        request.messageId = MessageIds.of(request.requestId, messageIdDomain);
        return content(transcript, request.origin).map(content -> new ClaimResult.Ready(new Claim(request.requestId,
                request.chatId, request.attempts, request.recipient, request.messageId, content,
                request.traceParent, request.traceState)));
    }

    /**
     * Records that an SMTP conversation is about to start, and renews the lease for it.
     *
     * @return false if the request is no longer held by this instance (its lease expired and someone took over)
     */
    public Uni<Boolean> beginAttempt(String requestId) {
        Instant now = Instant.now();
        return tx.commit(() -> held(requestId).map(request -> {
            if (request == null) {
                return false;
            }
            request.attempts++;
            if (request.firstAttemptAt == null) {
                request.firstAttemptAt = now;
            }
            request.leaseUntil = now.plus(delivery.lease());
            return true;
        }));
    }

    /** The SMTP server accepted the e-mail (or the audit mailbox shows it did): never send it again. */
    public Uni<Boolean> recordSent(String requestId) {
        Instant now = Instant.now();
        return tx.commit(() -> held(requestId).chain(request -> {
            if (request == null) {
                return Uni.createFrom().item(false);
            }
            request.status = RequestStatus.SENT;
            request.sentAt = now;
            request.leaseUntil = null;
            request.lastError = null;
            return outbox.publish(new TranscriptSent(request.chatId, request.requestId, request.recipient,
                    request.messageId, request.attempts, now)).replaceWith(true);
        }));
    }

    /**
     * The attempt did not go through. A permanent refusal (5xx) or an exhausted retry time gives up; anything else
     * is tried again after the back-off.
     */
    public Uni<Void> recordFailure(String requestId, String reason, boolean permanent) {
        Instant now = Instant.now();
        return tx.commit(() -> held(requestId).chain(request -> {
            if (request == null) {
                return Uni.createFrom().voidItem();
            }
            if (permanent || retryPolicy.exhausted(request.firstAttemptAt, now)) {
                return fail(request, reason, now);
            }
            retries.increment();
            request.status = RequestStatus.PENDING;
            request.leaseUntil = null;
            request.lastError = reason;
            request.nextAttemptAt = now.plus(retryPolicy.delayAfter(request.attempts));
            return Uni.createFrom().voidItem();
        }));
    }

    /**
     * Requests whose holder stopped (crash, kill, lost database) before recording an outcome. Without an attempt,
     * or with an audit mailbox to consult before the next one, they go back to the queue. Otherwise nobody can
     * tell whether the contact got the e-mail, and a second copy is worse than a reported failure.
     */
    public Uni<Integer> recoverExpiredLeases() {
        Instant now = Instant.now();
        return tx.commit(() -> NativeSql.locked(TranscriptRequest.class, EXPIRED_LEASES, now, delivery.batchSize())
                .chain(rows -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (TranscriptRequest request : rows) {
                        all = all.chain(() -> recover(request, now));
                    }
                    return all.replaceWith(rows.size());
                }));
    }

    private Uni<Void> recover(TranscriptRequest request, Instant now) {
        Log.warnf("transcript request %s: the instance sending it stopped before recording the outcome",
                request.requestId);
        if (request.attempts == 0 || audit.enabled()) {
            request.status = RequestStatus.PENDING;
            request.leaseUntil = null;
            request.nextAttemptAt = now;
            request.lastError = "in doubt: the sender stopped before recording the outcome";
            return Uni.createFrom().voidItem();
        }
        return fail(request, "in doubt: the sender stopped after starting to send, and no audit mailbox is"
                + " configured to check whether the e-mail went out; not sent again to avoid a second copy", now);
    }

    private Uni<Void> fail(TranscriptRequest request, String reason, Instant now) {
        Log.warnf("transcript request %s failed: %s", request.requestId, reason);
        failures.increment();
        request.status = RequestStatus.FAILED;
        request.failedAt = now;
        request.leaseUntil = null;
        request.lastError = reason;
        return outbox.publish(new TranscriptFailed(request.chatId, request.requestId, reason, request.attempts, now))
                .replaceWithVoid();
    }

    /** The request, locked, if it is still SENDING (held by whoever claimed it). */
    private static Uni<TranscriptRequest> held(String requestId) {
        return TranscriptRequest.<TranscriptRequest>findById(requestId, LockModeType.PESSIMISTIC_WRITE)
                .map(request -> request != null && request.status == RequestStatus.SENDING ? request : null);
    }

    private static Uni<Long> linesUpToEnd(Transcript transcript) {
        return transcript.ended()
                ? TranscriptLine.count("chatId = ?1 and seq <= ?2", transcript.chatId, transcript.endSeq)
                : Uni.createFrom().item(0L);
    }

    private static Uni<TranscriptContent> content(Transcript transcript, RequestOrigin origin) {
        return TranscriptLine.ofChat(transcript.chatId).map(lines -> {
            List<TranscriptContent.Line> content = lines.stream()
                    .filter(line -> line.kind.forContact())
                    .map(line -> new TranscriptContent.Line(line.seq, line.kind, line.authorName, line.text,
                            line.url, line.at))
                    .toList();
            Instant startedAt = transcript.requestedAt != null ? transcript.requestedAt
                    : content.isEmpty() ? transcript.endedAt : content.get(0).at();
            return new TranscriptContent(transcript.chatId, transcript.contactName, transcript.language,
                    transcript.queue, transcript.subject, startedAt, content,
                    origin == RequestOrigin.ACKNOWLEDGEMENT);
        });
    }
}
