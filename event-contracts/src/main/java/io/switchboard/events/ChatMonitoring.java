package io.switchboard.events;

import java.time.Instant;

/**
 * A supervisor started or stopped silently monitoring a chat ({@code chat.monitoring}, published by
 * session-service). Monitoring is invisible to the contact: it is no participant change and no timeline item, so
 * this event is the only record of who watched the chat and when.
 *
 * @param started true when the monitoring started, false when it stopped
 */
public record ChatMonitoring(String chatId, String supervisorId, String supervisorName, boolean started, Instant at)
        implements ChatEvent {
}
