package io.switchboard.events;

import java.time.Instant;

/**
 * Periodic figures of one routing queue for dashboards ({@code routing.stats}, published by routing-service,
 * keyed by queue name).
 *
 * @param serviceLevel share (0..1) of chats answered within the service-level threshold over the window;
 *                     null when nothing was answered or abandoned in the window
 */
public record QueueStats(String queue, int waiting, long longestWaitSeconds, int agentsReady, int agentsBusy,
                         int agentsNotReady, long offered, long accepted, long abandoned, Double serviceLevel,
                         long windowSeconds, Instant at) implements SwitchboardEvent {

    @Override
    public String key() {
        return queue;
    }
}
