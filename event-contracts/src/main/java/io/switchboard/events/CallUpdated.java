package io.switchboard.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A call of a chat changed state ({@code chat.call.updated}, published by session-service): the one place where
 * analysts and history find every call, web or phone, from the first ring to the end. Several events share a
 * {@code callId}; the last one (a final {@link CallState}) is the call's outcome.
 *
 * @param callId          for a phone call the {@code requestId} of its {@code chat.call.requested}; for a web call
 *                        an id of its own
 * @param agentId         the agent who placed the call
 * @param phoneNumber     PHONE: the number dialled (E.164); absent for WEB
 * @param reason          why a call FAILED, was DECLINED or ENDED, as a short code: {@code hung-up},
 *                        {@code no-answer}, {@code busy}, {@code declined}, {@code chat-ended},
 *                        {@code cancelled}, {@code disconnected}, {@code rejected}, {@code unreachable},
 *                        {@code not-configured}, {@code error}; absent otherwise
 * @param endedBy         ENDED: the participant id (web) or {@code agent}/{@code contact}/{@code telephony} (phone)
 *                        that hung up; absent otherwise
 * @param durationSeconds ENDED: seconds from ANSWERED/CONNECTED to the end, 0 when it never talked; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallUpdated(String chatId, String callId, CallChannel channel, CallState state, String agentId,
                          String phoneNumber, String reason, String endedBy, Long durationSeconds, Instant at)
        implements ChatEvent {
}
