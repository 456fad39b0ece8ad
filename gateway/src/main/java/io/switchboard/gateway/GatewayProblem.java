package io.switchboard.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * An RFC 7807 problem detail, shaped like the services' (docs/api.md, "Errors"). The gateway does not depend on
 * service-kit, which would bring Kafka and PostgreSQL along, so it writes its few problems itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GatewayProblem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://switchboard.dev/problems/";

    public static GatewayProblem of(int status, String slug, String title, String detail, String instance) {
        return new GatewayProblem(TYPE_BASE + slug, title, status, detail, instance);
    }

    /** Ends the exchange with this problem as the body. */
    public void send(RoutingContext context) {
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(json());
    }

    public String json() {
        return Json.encode(this);
    }
}
