package io.switchboard.bench;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** A latency distribution in microseconds (HdrHistogram, 3 significant digits), read as ms percentiles. */
final class Latency {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
    private static final int DIGITS = 3;
    private static final double MICROS_PER_MS = 1000.0;

    private final Histogram histogram = new ConcurrentHistogram(HIGHEST_MICROS, DIGITS);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000)));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentileMs(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / MICROS_PER_MS;
    }

    double maxMs() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue() / MICROS_PER_MS;
    }

    /** {count, p50, p95, p99, max} in ms. */
    JsonObject json() {
        return new JsonObject().put("count", count()).put("p50", round(percentileMs(50))).put("p95", round(percentileMs(95)))
                .put("p99", round(percentileMs(99))).put("max", round(maxMs()));
    }

    static Double round(double ms) {
        return Double.isNaN(ms) ? null : Math.round(ms * 100) / 100.0;
    }
}
