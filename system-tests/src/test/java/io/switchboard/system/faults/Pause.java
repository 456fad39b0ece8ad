package io.switchboard.system.faults;

import java.time.Duration;

/** Sleeps, turning an interrupt into an exception the load's threads end on. */
final class Pause {

    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
