package io.switchboard.gateway.proxy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where the gateway sends each path prefix (the table in docs/api.md) and how it talks to the services. */
@ConfigMapping(prefix = "switchboard.gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name (routing, session, ...). */
    Map<String, Backend> routes();

    Client client();

    interface Backend {
        /** Base URL of the service, e.g. http://localhost:8081; only scheme, host and port are used. */
        URI url();

        /** Path prefixes served by this service, without trailing slash, e.g. /api/routing. */
        List<String> prefixes();
    }

    interface Client {
        /** Connections kept per service; WebSocket tunnels leave the pool once upgraded. */
        @WithDefault("64")
        int maxPoolSize();

        @WithDefault("5s")
        Duration connectTimeout();

        /** Idle pooled connections are closed after this, before the service's own idle timeout hits them. */
        @WithDefault("60s")
        Duration idleTimeout();
    }
}
