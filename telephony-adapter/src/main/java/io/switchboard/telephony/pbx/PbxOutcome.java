package io.switchboard.telephony.pbx;

import java.time.Duration;

/** What one click-to-call attempt came to. */
public sealed interface PbxOutcome {

    /** A 2xx: the PBX dials; {@code providerCallId} when the response names the call (null otherwise). */
    record Accepted(int status, String providerCallId) implements PbxOutcome {
    }

    /**
     * Worth trying again (timeout, no connection, 5xx, 429).
     *
     * @param retryAfter what the PBX asked for ({@code Retry-After}), null when it did not
     * @param timedOut   no answer within the request timeout: the PBX may have received the request
     */
    record Temporary(String detail, Duration retryAfter, boolean timedOut) implements PbxOutcome {
    }

    /** Another 4xx: the PBX refuses this request; the same request would be refused again. */
    record Refused(int status, String detail) implements PbxOutcome {
    }

    /** Nothing was sent: no endpoint, or the request cannot be built (an agent without an extension...). */
    record NotConfigured(String detail) implements PbxOutcome {
    }
}
