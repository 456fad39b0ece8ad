package io.switchboard.session.attachment;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.switchboard.kit.problem.Problem;
import io.switchboard.session.SessionConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses an upload whose Content-Length is already beyond the attachment limit before a byte of its body is read
 * (nor kept in a temporary file), with the same 413 problem as a file found too large after reading. It runs before
 * Quarkus's own body limit, which would answer a bare 413.
 */
@ApplicationScoped
class UploadSizeGuard {

    private static final String UPLOADS = "/api/chats/[^/]+/attachments/?";
    private static final int TOO_LARGE = 413;

    private final long maxBytes;
    private final long maxRequestBytes;

    UploadSizeGuard(SessionConfig config) {
        this.maxBytes = config.attachments().maxBytes();
        this.maxRequestBytes = maxBytes + config.attachments().maxFormOverheadBytes();
    }

    void install(@Observes Router router) {
        router.routeWithRegex(HttpMethod.POST, UPLOADS).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long bytes;
        try {
            bytes = length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            bytes = 0;
        }
        if (bytes <= maxRequestBytes) {
            context.next();
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", Problem.TYPE_BASE + "too-large")
                .put("title", "Too large")
                .put("status", TOO_LARGE)
                .put("detail", "The file is larger than the limit of " + maxBytes + " bytes.")
                .put("instance", context.request().path())
                .put("maxBytes", maxBytes);
        // The body is not read: the connection closes after the answer, as Quarkus's own limit does.
        context.response().endHandler(ignored -> context.request().connection().close());
        context.response().setStatusCode(TOO_LARGE)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem.encode());
    }
}
