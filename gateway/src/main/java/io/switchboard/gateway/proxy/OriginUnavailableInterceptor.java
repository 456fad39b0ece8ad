package io.switchboard.gateway.proxy;

import io.switchboard.gateway.GatewayProblem;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * When a service cannot be reached, HttpProxy answers an empty 502; this turns it into a problem+json naming the
 * service, so front ends show one kind of error. A 502 sent by the service itself passes through unchanged.
 */
final class OriginUnavailableInterceptor implements ProxyInterceptor {

    private static final String UNREACHABLE = "origin-unreachable";
    private static final int BAD_GATEWAY = 502;

    private final String service;

    OriginUnavailableInterceptor(String service) {
        this.service = service;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().onFailure(failure -> context.set(UNREACHABLE, Boolean.TRUE));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        if (Boolean.TRUE.equals(context.get(UNREACHABLE, Boolean.class))) {
            String path = context.request().getURI();
            Buffer body = Buffer.buffer(Json.encode(GatewayProblem.of(BAD_GATEWAY, "service-unavailable",
                    "Bad Gateway", service + "-service is not reachable", path)));
            context.response()
                    .setStatusCode(BAD_GATEWAY)
                    .putHeader("Content-Type", GatewayProblem.MEDIA_TYPE)
                    .setBody(Body.body(body));
        }
        return context.sendResponse();
    }
}
