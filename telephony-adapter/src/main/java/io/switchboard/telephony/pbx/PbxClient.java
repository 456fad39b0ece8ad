package io.switchboard.telephony.pbx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.switchboard.telephony.TelephonyConfig;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Sends one click-to-call request to the PBX, without blocking: Vert.x' HTTP client, bounded by the request
 * timeout. Never fails: every result, including a timeout or a refused connection, is a {@link PbxOutcome}.
 */
@ApplicationScoped
public class PbxClient {

    private static final Logger LOG = Logger.getLogger(PbxClient.class);
    private static final int MAX_DETAIL = 300;

    private final TelephonyConfig.Pbx pbx;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    public PbxClient(TelephonyConfig config, Vertx vertx) {
        this.pbx = config.pbx();
        int timeout = (int) Math.max(1, pbx.requestTimeout().toMillis());
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(timeout)
                .setMaxPoolSize(Math.max(1, pbx.maxConcurrentRequests())).setTrustAll(false).setVerifyHost(true));
    }

    /** Whether a click-to-call endpoint is configured at all. */
    public boolean configured() {
        return pbx.url().filter(u -> !u.isBlank()).isPresent();
    }

    public Uni<PbxOutcome> place(ClickToCall.Call call) {
        ClickToCall request;
        try {
            request = ClickToCall.build(pbx, call);
        } catch (ClickToCall.Unfillable e) {
            return Uni.createFrom().item(new PbxOutcome.NotConfigured(e.getMessage()));
        }
        RequestOptions options;
        try {
            options = new RequestOptions().setAbsoluteURI(request.url()).setMethod(HttpMethod.valueOf(request.method()))
                    .setIdleTimeout(pbx.requestTimeout().toMillis());
        } catch (RuntimeException e) {
            return Uni.createFrom().item(new PbxOutcome.NotConfigured(
                    "the click-to-call request cannot be built: " + e));
        }
        Duration timeout = pbx.requestTimeout();
        // Two stages: until a connection is there nothing was sent (a failure is safe to retry); once the request
        // is on its way, a timeout means the PBX may have received it.
        return client.request(options)
                .ifNoItem().after(timeout).failWith(() -> new NotSent("no connection to the PBX within " + timeout))
                .onFailure(f -> !(f instanceof NotSent)).transform(NotSent::new)
                .chain(req -> send(req, request)
                        .chain(response -> response.body().map(body -> outcome(response.statusCode(),
                                response.getHeader("Retry-After"), body.toString())))
                        .ifNoItem().after(timeout).failWith(() -> new TimeoutException("no answer within " + timeout)))
                .onFailure().recoverWithItem(PbxClient::failure);
    }

    /** Nothing reached the PBX: no connection (refused, unreachable, or not within the timeout). */
    static final class NotSent extends Exception {
        NotSent(String message) {
            super(message, null, false, false);
        }

        NotSent(Throwable cause) {
            super(String.valueOf(cause), cause, false, false);
        }
    }

    private static Uni<io.vertx.mutiny.core.http.HttpClientResponse> send(HttpClientRequest req, ClickToCall request) {
        request.headers().forEach(req::putHeader);
        return request.body() == null ? req.send() : req.send(request.body());
    }

    private PbxOutcome outcome(int status, String retryAfter, String body) {
        if (status >= 200 && status < 300) {
            return new PbxOutcome.Accepted(status, providerCallId(body));
        }
        String detail = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + shorten(body));
        if (status >= 500 || status == 429) {
            return new PbxOutcome.Temporary(detail, retryAfter(retryAfter), false);
        }
        // 1xx/3xx (a redirect is not followed: the endpoint should be configured as it is) and other 4xx.
        return new PbxOutcome.Refused(status, detail);
    }

    private static PbxOutcome failure(Throwable failure) {
        if (failure instanceof NotSent) {
            return new PbxOutcome.Temporary("not sent: " + shorten(failure.getMessage()), null, false);
        }
        boolean timedOut = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                timedOut = true;
            }
        }
        return new PbxOutcome.Temporary(shorten(String.valueOf(failure)), null, timedOut);
    }

    private String providerCallId(String body) {
        if (pbx.providerCallIdPointer().isEmpty() || body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body).at(pbx.providerCallIdPointer().get());
            return node.isValueNode() && !node.isNull() ? shorten(node.asText()) : null;
        } catch (Exception e) {
            LOG.warnf("the PBX's response is not JSON, no call id read from it: %s", shorten(body));
            return null;
        }
    }

    /** Seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    private static String shorten(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }
}
