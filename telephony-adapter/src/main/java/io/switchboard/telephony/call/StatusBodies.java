package io.switchboard.telephony.call;

import io.switchboard.events.TelephonyStatus;
import io.switchboard.kit.problem.Problems;
import java.util.Locale;
import java.util.Set;

/**
 * The status callbacks the webhook understands, turned into a {@link StatusUpdate} or refused with 400 naming the
 * field: Switchboard's own JSON shape, and Twilio's form-encoded call status callback.
 */
public final class StatusBodies {

    /** The reason codes of the contract (CallUpdated#reason) a PBX may report. */
    static final Set<String> REASONS = Set.of("hung-up", "no-answer", "busy", "declined", "cancelled",
            "disconnected", "rejected", "unreachable", "error");
    static final Set<String> ENDED_BY = Set.of("agent", "contact", "telephony");
    static final int MAX_PROVIDER_CALL_ID = 200;

    /** Switchboard's JSON shape. */
    public record Json(String status, String reason, String providerCallId, Long durationSeconds, String endedBy) {
    }

    private StatusBodies() {
    }

    static StatusUpdate fromJson(Json body) {
        if (body == null) {
            throw Problems.invalidField("status", "a JSON body with the call's status is required");
        }
        TelephonyStatus status = status(body.status());
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        if (reason != null && !REASONS.contains(reason)) {
            throw Problems.invalidField("reason", "must be one of " + String.join(", ", REASONS.stream().sorted()
                    .toList()));
        }
        if (reason != null && status != TelephonyStatus.FAILED && status != TelephonyStatus.ENDED) {
            throw Problems.invalidField("reason", "only FAILED and ENDED have a reason");
        }
        if (body.durationSeconds() != null && body.durationSeconds() < 0) {
            throw Problems.invalidField("durationSeconds", "must not be negative");
        }
        String endedBy = body.endedBy() == null || body.endedBy().isBlank() ? null : body.endedBy().strip();
        if (endedBy != null && !ENDED_BY.contains(endedBy)) {
            throw Problems.invalidField("endedBy", "must be agent, contact or telephony");
        }
        return new StatusUpdate(status, reason, providerCallId("providerCallId", body.providerCallId()),
                status == TelephonyStatus.ENDED ? body.durationSeconds() : null,
                status == TelephonyStatus.ENDED ? endedBy : null);
    }

    private static TelephonyStatus status(String value) {
        if (value == null || value.isBlank()) {
            throw Problems.invalidField("status", "is required: DIALLING, CONNECTED, FAILED or ENDED");
        }
        try {
            return TelephonyStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("status", "must be DIALLING, CONNECTED, FAILED or ENDED");
        }
    }

    /**
     * Twilio's status callback ({@code CallStatus}, {@code CallSid}, {@code CallDuration}): queued, initiated and
     * ringing are DIALLING; in-progress (answered) CONNECTED; completed ENDED; busy, no-answer, failed and
     * canceled FAILED with {@code busy}, {@code no-answer}, {@code unreachable}, {@code cancelled}.
     */
    static StatusUpdate fromTwilio(String callStatus, String callSid, String callDuration) {
        if (callStatus == null || callStatus.isBlank()) {
            throw Problems.invalidField("CallStatus", "is required");
        }
        String sid = providerCallId("CallSid", callSid);
        return switch (callStatus.strip().toLowerCase(Locale.ROOT)) {
            case "queued", "initiated", "ringing" -> new StatusUpdate(TelephonyStatus.DIALLING, null, sid, null, null);
            case "in-progress", "answered" -> new StatusUpdate(TelephonyStatus.CONNECTED, null, sid, null, null);
            case "completed" -> new StatusUpdate(TelephonyStatus.ENDED, "hung-up", sid, duration(callDuration), null);
            case "busy" -> new StatusUpdate(TelephonyStatus.FAILED, "busy", sid, null, null);
            case "no-answer" -> new StatusUpdate(TelephonyStatus.FAILED, "no-answer", sid, null, null);
            case "failed" -> new StatusUpdate(TelephonyStatus.FAILED, "unreachable", sid, null, null);
            case "canceled", "cancelled" -> new StatusUpdate(TelephonyStatus.FAILED, "cancelled", sid, null, null);
            default -> throw Problems.invalidField("CallStatus", "unknown call status '" + callStatus.strip() + "'");
        };
    }

    private static Long duration(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds < 0) {
                throw Problems.invalidField("CallDuration", "must not be negative");
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw Problems.invalidField("CallDuration", "must be a number of seconds");
        }
    }

    private static String providerCallId(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_PROVIDER_CALL_ID) {
            throw Problems.invalidField(field, "at most " + MAX_PROVIDER_CALL_ID + " characters");
        }
        return value.strip();
    }
}
