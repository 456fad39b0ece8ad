package io.switchboard.gateway.proxy;

import com.sun.management.UnixOperatingSystemMXBean;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Passes WebSocket upgrades on to the services as raw TCP tunnels. Each tunnel has a connection of its own, made for
 * it and closed with it: a pooled HTTP client would keep one pool slot per open tunnel, so a few dozen sockets
 * starved every later handshake, which then queued without end. Here the only shared resource is a count of open
 * tunnels, taken before connecting and given back exactly once when either side closes or the handshake fails.
 */
public final class WebSocketTunnels {

    private static final Logger LOG = Logger.getLogger(WebSocketTunnels.class);
    /** A tunnel holds the browser's connection and the one to the service. */
    static final int DESCRIPTORS_PER_TUNNEL = 2;

    private final Vertx vertx;
    private final GatewayConfig.WebSockets config;
    private final NetClient client;
    private final int maxTunnels;
    private final AtomicInteger open = new AtomicInteger();

    public WebSocketTunnels(Vertx vertx, GatewayConfig.WebSockets config) {
        this.vertx = vertx;
        this.config = config;
        // No idle timeout: a quiet socket is the browser's and the service's business, not the gateway's.
        this.client = vertx.createNetClient(new NetClientOptions()
                .setConnectTimeout(Math.toIntExact(config.handshakeTimeout().toMillis()))
                .setIdleTimeout(0)
                .setTcpNoDelay(true)
                .setTcpKeepAlive(true));
        this.maxTunnels = config.maxTunnels().orElseGet(() -> derivedLimit(config.reservedFileDescriptors()));
        LOG.infof("WebSocket tunnels: at most %d at once", maxTunnels);
    }

    /** Takes over the upgrade request: answers it with the service's 101 and tunnels, or with a problem. */
    public void tunnel(HttpServerRequest request, String service, String host, int port) {
        new Tunnel(this, request, service, host, port).start();
    }

    /** Tunnels open or being opened now. */
    public int open() {
        return open.get();
    }

    public int maxTunnels() {
        return maxTunnels;
    }

    boolean tryAcquire() {
        while (true) {
            int current = open.get();
            if (current >= maxTunnels) {
                return false;
            }
            if (open.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void release() {
        open.decrementAndGet();
    }

    Vertx vertx() {
        return vertx;
    }

    NetClient client() {
        return client;
    }

    GatewayConfig.WebSockets config() {
        return config;
    }

    public void close() {
        client.close();
    }

    private static int derivedLimit(int reserved) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            long limit = unix.getMaxFileDescriptorCount();
            LOG.infof("open-file limit of this process: %d (raise it with LimitNOFILE / container ulimits)", limit);
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (limit - reserved) / DESCRIPTORS_PER_TUNNEL));
        }
        return Integer.MAX_VALUE;
    }
}
