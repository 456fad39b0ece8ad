package io.switchboard.kit.problem;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** What callers are told while a dependency (database, broker) is away: REST 503 and the socket's error frame. */
@ConfigMapping(prefix = "switchboard.unavailable")
public interface UnavailableConfig {

    /** How long to wait before trying again (the Retry-After header, the frame's retryAfterSeconds). */
    Duration retryAfter();
}
