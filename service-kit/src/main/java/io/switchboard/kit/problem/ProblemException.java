package io.switchboard.kit.problem;

import jakarta.ws.rs.core.Response.Status;

/**
 * A request that cannot be served as asked; answered as problem+json. Throw it before anything changes, or from
 * inside the transaction so that it rolls back.
 *
 * @see Problems for the usual kinds
 */
public class ProblemException extends RuntimeException {

    private final Status status;
    private final String slug;
    private final String title;

    public ProblemException(Status status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public Status status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
