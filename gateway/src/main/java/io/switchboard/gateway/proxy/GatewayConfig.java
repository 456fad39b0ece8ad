package io.switchboard.gateway.proxy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Where the gateway sends each path prefix (the table in docs/api.md) and how it talks to the services. */
@ConfigMapping(prefix = "switchboard.gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name (routing, session, ...). */
    Map<String, Backend> routes();

    Client client();

    WebSockets websockets();

    interface Backend {
        /** Base URL of the service, e.g. http://localhost:8081; only scheme, host and port are used. */
        URI url();

        /** Path prefixes served by this service, without trailing slash, e.g. /api/routing. */
        List<String> prefixes();
    }

    /** The pooled client of ordinary HTTP requests (WebSockets do not use it). */
    interface Client {
        /** Connections kept per service for ordinary requests. */
        @WithDefault("64")
        int maxPoolSize();

        @WithDefault("5s")
        Duration connectTimeout();

        /** Idle pooled connections are closed after this, before the service's own idle timeout hits them. */
        @WithDefault("60s")
        Duration idleTimeout();
    }

    /**
     * WebSocket tunnels: each has a TCP connection of its own to the service, outside any pool, with no idle timeout
     * (the service's pings keep a quiet socket alive; the browser and the service decide when it ends).
     */
    interface WebSockets {
        /** Connecting to the service plus its answer to the upgrade; past this the browser gets a 503 problem. */
        @WithDefault("10s")
        Duration handshakeTimeout();

        /**
         * Tunnels open or opening at once; beyond it an upgrade gets a 503 problem. Absent: derived from the
         * process's open-file limit (two descriptors per tunnel, {@link #reservedFileDescriptors()} kept free).
         */
        OptionalInt maxTunnels();

        /** Descriptors left for everything else (REST connections, jars, logs) when the limit is derived. */
        @WithDefault("512")
        int reservedFileDescriptors();

        /** Largest response head the service may send to an upgrade. */
        @WithDefault("16384")
        int maxHandshakeResponseBytes();

        /** Retry-After of a 503 (too many tunnels, or the service too slow to answer). */
        @WithDefault("5s")
        Duration retryAfter();
    }
}
