package io.switchboard.kit.inbox;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How consumers wait out temporary failures (see META-INF/microprofile-config.properties). */
@ConfigMapping(prefix = "switchboard.consumer")
public interface InboxConfig {

    /** The first pause after a failed attempt; each further failure doubles it. */
    Duration initialBackOff();

    /** The longest pause between two attempts: the delay before a consumer notices that the database is back. */
    Duration maxBackOff();

    /**
     * The most records a batch holds (one transaction): the Kafka connector's {@code max.poll.records} is set to
     * it. A larger batch saves round trips but holds locks longer and redoes more work after a crash.
     */
    int batchSize();
}
