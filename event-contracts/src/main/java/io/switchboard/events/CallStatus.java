package io.switchboard.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A telephony adapter's answer to a {@code chat.call.requested} ({@code telephony.call.status}, published by the
 * telephony adapter, consumed by session-service, which shows it in the chat and republishes it as
 * {@code chat.call.updated}). The adapter contract for integrators is in docs/telephony.md: key = chat id, one event
 * per status change, statuses of one request in order, the same event id when an event is published again.
 *
 * @param requestId       the {@code requestId} of the {@code chat.call.requested} it answers
 * @param reason          FAILED/ENDED: a short code (see {@link CallUpdated#reason()}); absent otherwise
 * @param providerCallId  the telephony system's own id of the call, when it gives one
 * @param endedBy         ENDED: {@code agent}, {@code contact} or {@code telephony} when known
 * @param durationSeconds ENDED: seconds connected, when known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallStatus(String chatId, String requestId, TelephonyStatus status, String reason,
                         String providerCallId, String endedBy, Long durationSeconds, Instant at)
        implements ChatEvent {
}
