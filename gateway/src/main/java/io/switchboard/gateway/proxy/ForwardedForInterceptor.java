package io.switchboard.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Tells the service who the client is ({@code X-Forwarded-For}, appended to what a proxy in front already wrote):
 * the services rate-limit anonymous calls per client address, and without it every visitor would share the
 * gateway's one address and its one limit.
 */
final class ForwardedForInterceptor implements ProxyInterceptor {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        SocketAddress client = context.request().proxiedRequest().remoteAddress();
        if (client != null && client.hostAddress() != null) {
            String before = context.request().headers().get(X_FORWARDED_FOR);
            context.request().headers().set(X_FORWARDED_FOR,
                    before == null || before.isBlank() ? client.hostAddress() : before + ", " + client.hostAddress());
        }
        return context.sendRequest();
    }
}
