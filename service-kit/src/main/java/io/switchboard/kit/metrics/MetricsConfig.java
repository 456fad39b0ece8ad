package io.switchboard.kit.metrics;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Switchboard's own metrics ({@code switchboard.metrics.*}); defaults in service-kit's microprofile-config. */
@ConfigMapping(prefix = "switchboard.metrics")
public interface MetricsConfig {

    /**
     * How often gauges read from the database (outbox backlog, chats waiting, agents by state) are refreshed. A
     * scrape reads the last values: it never waits for the database, and a slow scrape interval costs no queries.
     */
    Duration refreshInterval();
}
