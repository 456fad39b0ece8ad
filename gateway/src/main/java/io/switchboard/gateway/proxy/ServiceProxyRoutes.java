package io.switchboard.gateway.proxy;

import io.quarkus.runtime.ShutdownEvent;
import io.switchboard.gateway.GatewayProblem;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Puts the services behind one origin: every configured path prefix is reverse-proxied (HTTP and WebSocket upgrades,
 * headers included, so the browser's {@code Sec-WebSocket-Protocol} token reaches session-service untouched).
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

    private final GatewayConfig config;
    private HttpClient client;
    private HttpClient upgradeClient;

    public ServiceProxyRoutes(GatewayConfig config) {
        this.config = config;
    }

    void init(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(clientOptions().setMaxPoolSize(config.client().maxPoolSize()));
        // WebSocket upgrades get a client of their own, so that tunnels never take the connections of ordinary
        // requests. It must keep the default keep-alive: without it the request says "Connection: close" instead
        // of "Connection: Upgrade", and the origin refuses the handshake.
        upgradeClient = vertx.createHttpClient(clientOptions().setMaxPoolSize(config.client().maxPoolSize()));

        config.routes().forEach((name, backend) -> {
            URI url = backend.url();
            HttpProxy http = proxy(client, name, url);
            HttpProxy upgrades = proxy(upgradeClient, name, url);
            for (String prefix : backend.prefixes()) {
                // "/x/*" matches "/x" and everything below it, but not "/xy".
                router.route(prefix + "/*").handler(context -> {
                    HttpServerRequest request = context.request();
                    (isWebSocketUpgrade(request) ? upgrades : http).handle(request);
                });
                LOG.infof("%s/* -> %s (%s)", prefix, url, name);
            }
        });

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
        return HttpProxy.reverseProxy(client)
                .origin(port(url), url.getHost())
                .addInterceptor(new OriginUnavailableInterceptor(service));
    }

    private static boolean isWebSocketUpgrade(HttpServerRequest request) {
        return WEBSOCKET.equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }

    void close(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
        if (upgradeClient != null) {
            upgradeClient.close();
        }
    }

    private static int port(URI url) {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? HTTPS_DEFAULT_PORT : HTTP_DEFAULT_PORT;
    }
}
