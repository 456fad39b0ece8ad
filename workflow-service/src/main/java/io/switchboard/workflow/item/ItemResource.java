package io.switchboard.workflow.item;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/workflow/items/{itemId}")
@RolesAllowed(Roles.AGENT)
@Tag(name = "Items", description = "Working one parked interaction")
public class ItemResource {

    static final int MAX_OUTCOME_LENGTH = 1000;

    public record CompleteRequest(@NotBlank @Size(max = MAX_OUTCOME_LENGTH) String outcome) {
    }

    public record MoveRequest(@NotBlank String queue) {
    }

    private final WorkItems items;
    private final JsonWebToken jwt;

    public ItemResource(WorkItems items, JsonWebToken jwt) {
        this.items = items;
        this.jwt = jwt;
    }

    @GET
    @Operation(summary = "One item with its summary")
    public Uni<ItemView> item(@PathParam("itemId") UUID itemId) {
        return items.get(itemId);
    }

    @POST
    @Path("/claim")
    @Operation(summary = "Claim this item (409 item-claimed when someone else holds it)")
    public Uni<ItemView> claim(@PathParam("itemId") UUID itemId) {
        return items.claim(itemId, jwt.getSubject());
    }

    @POST
    @Path("/complete")
    @Operation(summary = "Complete the item you claimed, with its outcome")
    public Uni<ItemView> complete(@PathParam("itemId") UUID itemId, @NotNull @Valid CompleteRequest request) {
        return items.complete(itemId, jwt.getSubject(), request.outcome().strip());
    }

    @POST
    @Path("/release")
    @Operation(summary = "Put the item you claimed back in its queue (supervisors: anyone's)")
    public Uni<ItemView> release(@PathParam("itemId") UUID itemId) {
        return items.release(itemId, jwt.getSubject(), jwt.getGroups().contains(Roles.SUPERVISOR));
    }

    @POST
    @Path("/move")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Move the item to another queue, where it waits unclaimed and its age starts over")
    public Uni<ItemView> move(@PathParam("itemId") UUID itemId, @NotNull @Valid MoveRequest request) {
        return items.move(itemId, request.queue(), jwt.getSubject());
    }
}
