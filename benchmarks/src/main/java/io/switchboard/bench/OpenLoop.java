package io.switchboard.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The open model: send number i at start + i / rate whether or not earlier sends were answered, and hand each send
 * its due time, so latency counts from when it should have left (no coordinated omission when the generator lags).
 */
final class OpenLoop {

    interface Send {
        void send(long index, long dueNanos);
    }

    private OpenLoop() {
    }

    /** Runs on the calling thread; returns the number of sends. */
    static long run(double ratePerSecond, long durationNanos, Send send) {
        long count = (long) Math.floor(ratePerSecond * durationNanos / TimeUnit.SECONDS.toNanos(1));
        double interval = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = start + (long) (i * interval);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            send.send(i, due);
        }
        return count;
    }
}
