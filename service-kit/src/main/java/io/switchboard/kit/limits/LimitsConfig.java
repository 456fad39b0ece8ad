package io.switchboard.kit.limits;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Map;

/**
 * Rate limits by name ({@code switchboard.limits.*}): a token bucket per key (a client address, a participant) that
 * holds {@code capacity} tokens and gets {@code refill-tokens} back every {@code refill-period}.
 */
@ConfigMapping(prefix = "switchboard.limits")
public interface LimitsConfig {

    Map<String, Rule> rules();

    /** Most keys remembered per rule; the least recently used are forgotten first, so memory stays bounded. */
    long maxKeys();

    /** A key unused this long is forgotten (its bucket would be full again by then anyway). */
    Duration idleExpiry();

    interface Rule {
        /** The burst: how many in a row. */
        long capacity();

        long refillTokens();

        Duration refillPeriod();
    }
}
