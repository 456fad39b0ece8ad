package io.switchboard.kit.problem;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.switchboard.kit.TemporaryFailures;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers every error of every service's REST API as RFC 7807 problem+json; internals never leak. */
public class ProblemMappers {

    private final UnavailableConfig unavailable;

    public ProblemMappers(UnavailableConfig unavailable) {
        this.unavailable = unavailable;
    }

    private static final String RETRY_AFTER = "Retry-After";
    private static final long MILLIS_PER_SECOND = 1000;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Problem problem = new Problem(Problem.TYPE_BASE + e.slug(), e.title(), e.status().getStatusCode(),
                e.getMessage(), uri.getPath(), e.violations());
        Response response = e.extensions().isEmpty() ? respond(problem) : respond(problem, e.extensions());
        if (e.retryAfter() != null) {
            response.getHeaders().putSingle(RETRY_AFTER, Math.max(1, ceilSeconds(e.retryAfter())));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400,
                "The request has invalid fields.", uri.getPath(), violations));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        // Malformed JSON and the like come here as 400 with the parser's message, which is safe to show.
        String detail = status < 500 ? e.getMessage() : "The request could not be processed.";
        return respond(new Problem(Problem.TYPE_BASE + slug(title), title, status, detail, uri.getPath(), null));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401,
                "A valid bearer token is required.", uri.getPath(), null));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "Your role does not allow this.", uri.getPath(), null));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (TemporaryFailures.isTemporary(e)) {
            // Logged without the stack: an outage answers thousands of these, and the health check says why.
            Log.warnf("%s answered 503, a dependency is away: %s", uri.getPath(), e.getMessage());
            return problem(Problems.unavailable(unavailable.retryAfter()), uri);
        }
        Log.errorf(e, "unexpected failure on %s", uri.getPath());
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "The request could not be processed.", uri.getPath(), null));
    }

    private static long ceilSeconds(Duration duration) {
        return (duration.toMillis() + MILLIS_PER_SECOND - 1) / MILLIS_PER_SECOND;
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** A problem with extension members: the standard members first, then the problem's own. */
    private static Response respond(Problem problem, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", problem.instance());
        if (problem.violations() != null) {
            body.put("violations", problem.violations());
        }
        extensions.forEach((member, value) -> {
            if (value != null) {
                body.put(member, value);
            }
        });
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
