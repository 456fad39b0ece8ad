package io.switchboard.telephony.call;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A call as staff read it. {@code status} is the last published status ({@code REQUESTED} before the first one);
 * {@code attempts} the click-to-call requests made so far.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallView(String requestId, String chatId, String agentId, String phoneNumber, String status,
                       String reason, String providerCallId, String endedBy, Long durationSeconds, int attempts,
                       Instant requestedAt, Instant diallingAt, Instant connectedAt, Instant finishedAt) {

    static CallView of(TelephonyCall call) {
        String status = call.state.published() == null ? "REQUESTED" : call.state.published().name();
        return new CallView(call.requestId, call.chatId, call.agentId, call.phoneNumber, status, call.reason,
                call.providerCallId, call.endedBy, call.durationSeconds, call.attempts, call.requestedAt,
                call.diallingAt, call.connectedAt, call.finishedAt);
    }
}
