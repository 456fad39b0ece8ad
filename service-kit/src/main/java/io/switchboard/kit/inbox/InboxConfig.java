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

    /**
     * Fetch settings for consumers off the live path (transcripts, history): their channels set the Kafka
     * connector's {@code fetch.min.bytes} and {@code fetch.max.wait.ms} to these, so that under load one poll (one
     * transaction) carries many events. Declared here so that a misspelt key fails the start.
     */
    Background background();

    interface Background {

        /** The bytes a fetch waits for before answering (unless {@link #fetchMaxWaitMs()} passes first). */
        int fetchMinBytes();

        /** The longest a fetch waits for {@link #fetchMinBytes()}: the delay these consumers add when quiet. */
        int fetchMaxWaitMs();
    }
}
