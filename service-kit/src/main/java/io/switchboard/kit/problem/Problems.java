package io.switchboard.kit.problem;

import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response.StatusType;
import java.time.Duration;

/** The kinds of problem every service answers with. */
public final class Problems {

    /** 422, which JAX-RS names no constant for. */
    private static final StatusType UNPROCESSABLE = new StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Status.Family getFamily() {
            return Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    private Problems() {
    }

    /** The request is well formed and allowed, but what it carries is refused (a file the virus scan flagged). */
    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new ProblemException(UNPROCESSABLE, slug, title, detail);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(Status.NOT_FOUND, "not-found", what + " not found",
                "No " + what.toLowerCase() + " with id '" + id + "'.");
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Status.BAD_REQUEST, "bad-request", "Invalid request", detail);
    }

    /**
     * A field the service checks itself (beyond bean validation) is invalid: the same answer as a validation error,
     * {@code violations} naming the field, e.g. {@code data.orderNumber}.
     */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Status.BAD_REQUEST, "validation", "Invalid request",
                field + ": " + message, null, java.util.List.of(new Problem.Violation(field, message)));
    }

    /** The request is well formed but the thing is not in a state that allows it (finished chat, expired offer...). */
    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(Status.CONFLICT, slug, title, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Status.FORBIDDEN, "forbidden", "Not allowed", detail);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(Status.REQUEST_ENTITY_TOO_LARGE, "too-large", "Too large", detail);
    }

    /** A rate limit (docs/api.md, limits) was reached; the client may try again after {@code retryAfter}. */
    public static ProblemException tooManyRequests(String limit, Duration retryAfter) {
        return new ProblemException(Status.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "The " + limit + " limit was reached; try again later.", retryAfter);
    }

    /** A dependency (database, broker) is away for a while: nothing was done, the same request may be sent again. */
    public static ProblemException unavailable(Duration retryAfter) {
        return new ProblemException(Status.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable",
                "The service cannot reach its database or broker right now. Send the same request again later"
                        + " (a message with its clientMessageId is applied once).",
                retryAfter);
    }
}
