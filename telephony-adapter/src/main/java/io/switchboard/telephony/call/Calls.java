package io.switchboard.telephony.call;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.CallRequested;
import io.switchboard.kit.inbox.PermanentEventFailure;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.telephony.pbx.PbxClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The calls agents ask for: recorded once per request id when {@code chat.call.requested} arrives, moved along by
 * the PBX's status callbacks, read by staff. Every change locks the call's row for its transaction and records its
 * {@code telephony.call.status} there.
 */
@ApplicationScoped
public class Calls {

    private static final Logger LOG = Logger.getLogger(Calls.class);
    static final String CALL = "Call";
    /** E.164: a plus, then up to 15 digits, the first not 0. */
    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    static final int MAX_ID_LENGTH = 200;
    static final int MAX_NUMBER_LENGTH = 40;

    private final CallEvents events;
    private final PbxClient pbx;
    private final Transactions tx;

    public Calls(CallEvents events, PbxClient pbx, Transactions tx) {
        this.events = events;
        this.pbx = pbx;
        this.tx = tx;
    }

    /**
     * Records a requested call (in the consumer's transaction), once per request id: a second event with the same
     * request id changes nothing. It waits for the dialler; without a PBX, or with a number that is not E.164, it
     * is answered FAILED at once ({@code not-configured}, {@code rejected}).
     */
    public Uni<Void> requested(CallRequested request) {
        if (blank(request.requestId()) || blank(request.chatId()) || request.requestId().length() > MAX_ID_LENGTH
                || request.chatId().length() > MAX_ID_LENGTH) {
            throw new PermanentEventFailure("chat.call.requested without a usable chatId and requestId");
        }
        return TelephonyCall.<TelephonyCall>findById(request.requestId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Instant now = now();
            TelephonyCall call = new TelephonyCall();
            call.requestId = request.requestId();
            call.chatId = request.chatId();
            call.agentId = blank(request.agentId()) ? "unknown" : truncate(request.agentId(), MAX_ID_LENGTH);
            call.phoneNumber = request.phoneNumber() == null ? ""
                    : truncate(request.phoneNumber().strip(), MAX_NUMBER_LENGTH);
            call.requestedAt = request.requestedAt() == null ? now : request.requestedAt();
            call.receivedAt = now;
            call.updatedAt = now;
            if (!E164.matcher(call.phoneNumber).matches() || blank(request.agentId())) {
                LOG.warnf("call %s of chat %s: not dialled, the number is not E.164 or no agent is named",
                        call.requestId, call.chatId);
                return fail(call, "rejected", "not an E.164 number or no agent", now);
            }
            if (!pbx.configured()) {
                return fail(call, "not-configured", "no click-to-call endpoint configured", now);
            }
            call.state = CallState.REQUESTED;
            call.nextAttemptAt = now;
            return call.persist().replaceWithVoid();
        });
    }

    private Uni<Void> fail(TelephonyCall call, String reason, String detail, Instant now) {
        call.state = CallState.FAILED;
        call.reason = reason;
        call.lastError = detail;
        call.finishedAt = now;
        return call.persist().chain(() -> events.statusChanged(call, now));
    }

    /**
     * Applies a status the PBX reports. The same status again changes nothing (and publishes nothing); a status
     * before the call's (CONNECTED after ENDED, DIALLING after CONNECTED) or any other status after a final one is
     * refused with 409.
     */
    public Uni<CallView> report(String requestId, StatusUpdate update) {
        return tx.commit(() -> TelephonyCall.<TelephonyCall>findById(requestId, LockModeType.PESSIMISTIC_WRITE)
                .chain(call -> {
                    if (call == null) {
                        throw Problems.notFound(CALL, requestId);
                    }
                    CallState target = CallState.of(update.status());
                    if (call.state == target) {
                        return Uni.createFrom().item(CallView.of(call));
                    }
                    if (call.state.isFinal()) {
                        throw Problems.conflict("call-finished", "Call finished", "Call " + requestId + " is "
                                + call.state + " already; " + target + " is not applied.").with("status",
                                call.state.name());
                    }
                    if (target.rank() < call.state.rank()) {
                        throw Problems.conflict("status-backwards", "Status goes backwards", "Call " + requestId
                                + " is " + call.state + "; " + target + " comes before it and is not applied.")
                                .with("status", call.state.name());
                    }
                    Instant now = now();
                    moveTo(call, target, update, now);
                    return events.statusChanged(call, now).replaceWith(CallView.of(call));
                }));
    }

    static void moveTo(TelephonyCall call, CallState target, StatusUpdate update, Instant now) {
        call.state = target;
        call.updatedAt = now;
        call.nextAttemptAt = null;
        if (update.providerCallId() != null) {
            call.providerCallId = update.providerCallId();
        }
        switch (target) {
            case DIALLING -> call.diallingAt = now;
            case CONNECTED -> call.connectedAt = now;
            case FAILED -> {
                call.reason = update.reason() == null ? "error" : update.reason();
                call.finishedAt = now;
            }
            case ENDED -> {
                call.reason = update.reason() == null ? "hung-up" : update.reason();
                call.endedBy = update.endedBy();
                call.durationSeconds = update.durationSeconds() != null ? update.durationSeconds()
                        : call.connectedAt == null ? 0L : Duration.between(call.connectedAt, now).toSeconds();
                call.finishedAt = now;
            }
            default -> throw new IllegalArgumentException("not a reported status: " + target);
        }
    }

    /** A call for staff: supervisors read any, agents the calls they asked for. */
    public Uni<CallView> read(String requestId, String reader, boolean supervisor) {
        return tx.read(() -> TelephonyCall.<TelephonyCall>findById(requestId).map(call -> {
            if (call == null) {
                throw Problems.notFound(CALL, requestId);
            }
            if (!supervisor && !call.agentId.equals(reader)) {
                throw Problems.forbidden("Call " + requestId + " was asked for by another agent.");
            }
            return CallView.of(call);
        }));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
