package io.switchboard.gateway.proxy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.switchboard.gateway.GatewayProblem;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Puts the services behind one origin: every configured path prefix is reverse-proxied, headers included. Ordinary
 * requests go through {@link HttpProxy} and a pooled client; WebSocket upgrades through {@link WebSocketTunnels}, a
 * connection of their own each (so the browser's {@code Sec-WebSocket-Protocol} token reaches session-service
 * untouched, and open sockets never hold pool slots that later handshakes wait for).
 * Other paths stay with the gateway itself: its pages, {@code /auth/...} and {@code /q/...}.
 */
@ApplicationScoped
public class ServiceProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ServiceProxyRoutes.class);
    /** Prefix of every service API; what no service claims under it is answered 404 here, not by the pages. */
    static final String API_PREFIX = "/api";
    private static final String WEBSOCKET = "websocket";
    private static final int HTTP_DEFAULT_PORT = 80;
    private static final int HTTPS_DEFAULT_PORT = 443;

    private static final String OPEN_TUNNELS_METRIC = "switchboard.gateway.websockets.open";

    private final GatewayConfig config;
    private final MeterRegistry registry;
    private HttpClient client;
    private WebSocketTunnels tunnels;

    public ServiceProxyRoutes(GatewayConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    void init(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(clientOptions().setMaxPoolSize(config.client().maxPoolSize()));
        tunnels = new WebSocketTunnels(vertx, config.websockets());
        Gauge.builder(OPEN_TUNNELS_METRIC, tunnels, WebSocketTunnels::open)
                .description("WebSockets tunnelled to the services, open or opening")
                .register(registry);

        // Longest prefix first: Vert.x tries routes in the order they were added, so /ws/routing (routing-service)
        // must come before /ws (session-service), whatever the order of the configuration.
        List<Map.Entry<String, String>> prefixes = new ArrayList<>();
        config.routes().forEach((name, backend) -> backend.prefixes().forEach(prefix -> prefixes.add(Map.entry(prefix,
                name))));
        prefixes.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        Map<String, HttpProxy> proxies = new HashMap<>();
        for (Map.Entry<String, String> route : prefixes) {
            String prefix = route.getKey();
            String name = route.getValue();
            URI url = config.routes().get(name).url();
            HttpProxy http = proxies.computeIfAbsent(name, service -> proxy(client, service, url));
            int port = port(url);
            // "/x/*" matches "/x" and everything below it, but not "/xy".
            router.route(prefix + "/*").handler(context -> {
                HttpServerRequest request = context.request();
                if (isWebSocketUpgrade(request)) {
                    tunnels.tunnel(request, name, url.getHost(), port);
                } else {
                    http.handle(request);
                }
            });
            LOG.infof("%s/* -> %s (%s)", prefix, url, name);
        }

        router.route(API_PREFIX + "/*").handler(context -> GatewayProblem.of(404, "not-found", "Not Found",
                "No service serves " + context.request().path(), context.request().path()).send(context));
    }

    private HttpClientOptions clientOptions() {
        return new HttpClientOptions()
                .setConnectTimeout(Math.toIntExact(config.client().connectTimeout().toMillis()))
                .setIdleTimeout(Math.toIntExact(config.client().idleTimeout().toMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    }

    private static HttpProxy proxy(HttpClient client, String service, URI url) {
        // Upgrades never reach this proxy (they are tunnelled), so it is told not to handle them either.
        return HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                .origin(port(url), url.getHost())
                .addInterceptor(new ForwardedForInterceptor())
                .addInterceptor(new OriginUnavailableInterceptor(service));
    }

    private static boolean isWebSocketUpgrade(HttpServerRequest request) {
        return WEBSOCKET.equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }

    void close(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
        if (tunnels != null) {
            tunnels.close();
        }
    }

    private static int port(URI url) {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? HTTPS_DEFAULT_PORT : HTTP_DEFAULT_PORT;
    }
}
