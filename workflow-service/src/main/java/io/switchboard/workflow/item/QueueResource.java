package io.switchboard.workflow.item;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/workflow/queues")
@RolesAllowed(Roles.AGENT)
@Tag(name = "Queues", description = "The workflow queues and their parked interactions")
public class QueueResource {

    static final String DEFAULT_PAGE_SIZE = "20";
    static final int MAX_PAGE_SIZE = 100;

    private final WorkItems items;
    private final JsonWebToken jwt;

    public QueueResource(WorkItems items, JsonWebToken jwt) {
        this.items = items;
        this.jwt = jwt;
    }

    @GET
    @Operation(summary = "The workflow queues, with how many items wait, are claimed and are overdue in each")
    public Uni<List<QueueView>> queues() {
        return items.queues();
    }

    @GET
    @Path("/{queue}/items")
    @Operation(summary = "A page of the queue's open items (waiting or claimed), oldest first, with their summary")
    public Uni<ItemPage> items(@PathParam("queue") String queue,
                               @QueryParam("page") @DefaultValue("0") @PositiveOrZero int page,
                               @QueryParam("size") @DefaultValue(DEFAULT_PAGE_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return items.list(queue, page, size);
    }

    @POST
    @Path("/{queue}/claim")
    @Operation(summary = "Claim the oldest waiting item of the queue")
    @APIResponse(responseCode = "200", description = "The item, now claimed by the caller")
    @APIResponse(responseCode = "204", description = "Nothing is waiting in the queue")
    public Uni<ItemView> claimNext(@PathParam("queue") String queue) {
        return items.claimNext(queue, jwt.getSubject());
    }
}
