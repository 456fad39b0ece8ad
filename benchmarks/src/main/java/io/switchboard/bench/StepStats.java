package io.switchboard.bench;

import io.switchboard.bench.BenchChat.Direction;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What one message step counted, per direction: sent, delivered, duplicated, out of order, and the latency. */
final class StepStats {

    static final class PerDirection {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong deliveredInWindow = new AtomicLong();
        final AtomicLong duplicated = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();
        final Latency latency = new Latency();

        long lost() {
            return Math.max(0, sent.get() - delivered.get());
        }
    }

    final int rate;
    final Map<Direction, PerDirection> directions = new EnumMap<>(Direction.class);
    final AtomicLong errorFrames = new AtomicLong();
    final AtomicLong seqBreaks = new AtomicLong();
    volatile long windowStartNanos = Long.MAX_VALUE;
    volatile long windowEndNanos = Long.MAX_VALUE;

    StepStats(int rate) {
        this.rate = rate;
        for (Direction d : Direction.values()) {
            directions.put(d, new PerDirection());
        }
    }

    PerDirection of(Direction direction) {
        return directions.get(direction);
    }

    void delivered(Direction direction, boolean measured, long dueNanos, long receivedNanos, BenchChat.Verdict verdict) {
        PerDirection d = of(direction);
        switch (verdict) {
            case DUPLICATE -> {
                d.duplicated.incrementAndGet();
                return;
            }
            case OUT_OF_ORDER -> d.outOfOrder.incrementAndGet();
            default -> { }
        }
        d.delivered.incrementAndGet();
        if (receivedNanos >= windowStartNanos && receivedNanos < windowEndNanos) {
            d.deliveredInWindow.incrementAndGet();
        }
        if (measured) {
            d.latency.recordNanos(receivedNanos - dueNanos);
        }
    }

    long total(java.util.function.ToLongFunction<PerDirection> figure) {
        return directions.values().stream().mapToLong(figure).sum();
    }

    double achievedPerSecond(int seconds) {
        return total(d -> d.deliveredInWindow.get()) / (double) seconds;
    }

    JsonObject json(int seconds) {
        JsonObject json = new JsonObject().put("offeredPerSecond", rate).put("seconds", seconds)
                .put("achievedPerSecond", Math.round(achievedPerSecond(seconds) * 10) / 10.0)
                .put("sent", total(d -> d.sent.get())).put("delivered", total(d -> d.delivered.get()))
                .put("lost", total(PerDirection::lost)).put("duplicated", total(d -> d.duplicated.get()))
                .put("outOfOrder", total(d -> d.outOfOrder.get())).put("seqBreaks", seqBreaks.get())
                .put("errorFrames", errorFrames.get());
        json.put("contactToAgent", of(Direction.CONTACT_TO_AGENT).latency.json());
        json.put("agentToContact", of(Direction.AGENT_TO_CONTACT).latency.json());
        return json;
    }
}
