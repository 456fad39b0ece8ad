package io.switchboard.routing.agent;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.StateChangeCause;
import io.switchboard.kit.security.Roles;
import io.switchboard.routing.offer.OpenOffer;
import io.switchboard.routing.offer.OpenOffers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Agents see and change their own state; supervisors manage the roster and anyone's state. */
@Path("/api/routing/agents")
@Tag(name = "Agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final AgentDirectory directory;
    private final OpenOffers openOffers;
    private final JsonWebToken jwt;

    public AgentResource(AgentDirectory directory, OpenOffers openOffers, JsonWebToken jwt) {
        this.directory = directory;
        this.openOffers = openOffers;
        this.jwt = jwt;
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Your skills, capacity, state and load")
    public Uni<AgentView> me() {
        return directory.get(jwt.getSubject());
    }

    @GET
    @Path("/me/offers")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Your offers still open (not answered, not expired), oldest first, e.g. to show them again "
            + "after a reconnect")
    public Uni<List<OpenOffer>> myOffers() {
        return openOffers.of(jwt.getSubject());
    }

    @PUT
    @Path("/me/state")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Change your state (READY, NOT_READY with a reason, AFTER_CHAT_WORK, LOGGED_OUT)")
    public Uni<AgentView> changeMyState(@Valid @NotNull StateChange change) {
        return directory.changeState(jwt.getSubject(), change, jwt.getSubject(), StateChangeCause.AGENT);
    }

    @GET
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "All agents with their state and load")
    public Uni<List<AgentView>> list() {
        return directory.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "One agent")
    public Uni<AgentView> get(@PathParam("id") String id) {
        return directory.get(id);
    }

    @POST
    @RolesAllowed(Roles.SUPERVISOR)
    @ResponseStatus(201)
    @Operation(summary = "Add an agent (logged out at first)")
    public Uni<AgentView> create(@Valid @NotNull AgentDefinition definition) {
        return directory.create(definition);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Change an agent's name, skills, capacity or role")
    public Uni<AgentView> update(@PathParam("id") String id, @Valid @NotNull AgentDefinition definition) {
        return directory.update(id, definition);
    }

    @PUT
    @Path("/{id}/state")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Change an agent's state")
    public Uni<AgentView> changeState(@PathParam("id") String id, @Valid @NotNull StateChange change) {
        return directory.changeState(id, change, jwt.getSubject(), StateChangeCause.SUPERVISOR);
    }
}
