package io.switchboard.routing.queue;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.OpeningHours;
import io.switchboard.kit.limits.RateLimits;
import io.switchboard.kit.security.Roles;
import io.switchboard.kit.tx.Transactions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Business hours of a queue: supervisors set and clear them; anyone (the contact's widget, without a token) asks
 * whether the queue is open now and when it opens next.
 */
@Path("/api/routing/queues/{name}")
@Tag(name = "Queues")
@Produces(MediaType.APPLICATION_JSON)
public class QueueHoursResource {

    /** Limit name of switchboard.limits.rules: availability asks per client address. */
    static final String AVAILABILITY_LIMIT = "availability";

    /**
     * @param timeZone the queue's zone, so that a page can say the hours as the queue keeps them; null without hours
     */
    public record Availability(String queue, boolean open, Instant opensAt, Instant closesAt, String timeZone) {
    }

    private final OpeningTimes openingTimes;
    private final Transactions tx;
    private final JsonWebToken jwt;
    private final RateLimits limits;

    public QueueHoursResource(OpeningTimes openingTimes, Transactions tx, JsonWebToken jwt, RateLimits limits) {
        this.openingTimes = openingTimes;
        this.tx = tx;
        this.jwt = jwt;
        this.limits = limits;
    }

    @GET
    @Path("/hours")
    // Agents read them too: a contact asks when the team is there, or an agent transfers to a queue that may close.
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "A queue's business hours (no time zone: none, always open)")
    public Uni<HoursDefinition> hours(@PathParam("name") String name) {
        return tx.read(() -> openingTimes.read(name));
    }

    @PUT
    @Path("/hours")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Set a queue's business hours", description = "Publishes queue.hours. A chat requested "
            + "while the queue is closed is refused (session-service) or, if it raced the closing, not queued.")
    public Uni<HoursDefinition> setHours(@PathParam("name") String name, @NotNull HoursDefinition definition) {
        return tx.commit(() -> openingTimes.set(name, definition, jwt.getSubject()));
    }

    @DELETE
    @Path("/hours")
    @RolesAllowed(Roles.SUPERVISOR)
    @ResponseStatus(204)
    @Operation(summary = "Clear a queue's business hours: always open again (publishes queue.hours)")
    public Uni<Void> clearHours(@PathParam("name") String name) {
        return tx.commit(() -> openingTimes.read(name).chain(() -> openingTimes.clear(name, jwt.getSubject())));
    }

    @GET
    @Path("/availability")
    @PermitAll
    @Operation(summary = "Whether the queue is open now, when it closes or opens next (for the contact's widget)")
    public Uni<Availability> availability(@PathParam("name") String name, @Context HttpServerRequest http) {
        limits.check(AVAILABILITY_LIMIT, http.remoteAddress().hostAddress());
        Instant now = Instant.now();
        return tx.read(() -> openingTimes.read(name).chain(hours -> openingTimes.at(name, now)
                .map(at -> view(name, hours, at))));
    }

    private static Availability view(String name, HoursDefinition hours, OpeningHours.Availability at) {
        return new Availability(name, at.open(), at.opensAt(), at.closesAt(), hours.timeZone());
    }
}
