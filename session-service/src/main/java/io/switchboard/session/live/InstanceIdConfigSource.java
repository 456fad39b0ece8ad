package io.switchboard.session.live;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * {@code switchboard.instance-id}: random for each process, so that every instance reads the live fan-out topics
 * with a consumer group of its own. Low ordinal: an environment variable ({@code SWITCHBOARD_INSTANCE_ID}) wins.
 */
public class InstanceIdConfigSource implements ConfigSource {

    public static final String KEY = "switchboard.instance-id";
    private static final int ORDINAL = 50;
    private static final String INSTANCE_ID = UUID.randomUUID().toString();

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, INSTANCE_ID);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? INSTANCE_ID : null;
    }

    @Override
    public String getName() {
        return "session-instance-id";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
