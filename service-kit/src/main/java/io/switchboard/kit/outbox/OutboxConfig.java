package io.switchboard.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;

/** The outbox relay's settings ({@code switchboard.outbox.*}); defaults in service-kit's microprofile-config. */
@ConfigMapping(prefix = "switchboard.outbox")
public interface OutboxConfig {

    /**
     * Lanes a service's outbox is split into (by a hash of the chat id). Every replica must use the same number;
     * change it only with all replicas stopped. See docs/outbox.md for how to choose it.
     */
    int lanes();

    /**
     * Connections of the relay's own pool (apart from the service's, so that a queue for those never holds up
     * publishing); the lanes a relay holds share them.
     */
    int poolSize();

    /**
     * The longest the relay waits for the answer to one of its statements before it counts the statement as failed
     * and tries the round again; well below {@link #leaseDuration()}.
     */
    Duration statementTimeout();

    /** Rows a lane claims and sends at once. */
    int batchSize();

    /** The safety net behind the NOTIFY wake-up; also renews the leases and rebalances the lanes. */
    Duration pollInterval();

    /** How long a lane stays with its relay without renewal; a crashed relay's lanes move after this. */
    Duration leaseDuration();

    /** Slack kept between the last moment a send may still finish and the expiry of the lease. */
    Duration leaseMargin();

    /** Refusals by the broker (not outages) after which a row is parked. */
    int maxAttempts();

    /** First wait of a lane after a failed send; doubles up to {@link #maxBackOff()}. */
    Duration initialBackOff();

    Duration maxBackOff();

    /** Published rows are kept this long for inspection, then deleted. */
    Duration retention();

    Duration pruneInterval();

    Duration listenReconnectDelay();

    /** Kafka producer properties of the relay (over the kit's defaults); {@code kafka.bootstrap.servers} is added. */
    @WithName("producer")
    Map<String, String> producer();
}
