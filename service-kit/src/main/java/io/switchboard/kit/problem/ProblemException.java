package io.switchboard.kit.problem;

import jakarta.ws.rs.core.Response.StatusType;
import java.time.Duration;

/**
 * A request that cannot be served as asked; answered as problem+json. Throw it before anything changes, or from
 * inside the transaction so that it rolls back.
 *
 * @see Problems for the usual kinds
 */
public class ProblemException extends RuntimeException {

    private final StatusType status;
    private final String slug;
    private final String title;
    private final Duration retryAfter;
    private final java.util.List<Problem.Violation> violations;
    private final java.util.Map<String, Object> extensions = new java.util.LinkedHashMap<>();

    public ProblemException(StatusType status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    /** @param retryAfter when the client may try again (the {@code Retry-After} header); null if it should not */
    public ProblemException(StatusType status, String slug, String title, String detail, Duration retryAfter) {
        this(status, slug, title, detail, retryAfter, null);
    }

    /** @param violations the fields at fault (answered as {@code violations}), for a field checked by the service */
    public ProblemException(StatusType status, String slug, String title, String detail, Duration retryAfter,
                            java.util.List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.retryAfter = retryAfter;
        this.violations = violations;
    }

    /**
     * Adds a member of this kind of problem to the answer (RFC 7807 extension members), e.g. when a closed queue
     * opens again; returns this problem, to throw.
     */
    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public java.util.Map<String, Object> extensions() {
        return java.util.Collections.unmodifiableMap(extensions);
    }

    public java.util.List<Problem.Violation> violations() {
        return violations;
    }

    public StatusType status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
