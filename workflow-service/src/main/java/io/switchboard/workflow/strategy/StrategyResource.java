package io.switchboard.workflow.strategy;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/workflow")
@Tag(name = "Strategy", description = "Whether finished interactions go through a workflow, and which queues apply")
public class StrategyResource {

    private static final int MAX_KEY_LENGTH = 255;

    private final StrategyStore store;
    private final JsonWebToken jwt;

    public StrategyResource(StrategyStore store, JsonWebToken jwt) {
        this.store = store;
        this.jwt = jwt;
    }

    @GET
    @Path("/strategy")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "The workflow strategy in force")
    public Uni<WorkflowStrategy> strategy() {
        return store.current();
    }

    @PUT
    @Path("/strategy")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Replace the workflow strategy (queues left out are retired; refused while they hold open items)")
    public Uni<WorkflowStrategy> replace(@NotNull @Valid WorkflowStrategy strategy) {
        return store.replace(strategy, jwt.getSubject());
    }

    @GET
    @Path("/options")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Whether a workflow applies to a chat of this origin queue and disposition, and its queues",
            description = "Asked by session-service before Mark Done, with the agent's token.")
    public Uni<WorkflowOptions> options(@QueryParam("queue") @Size(max = MAX_KEY_LENGTH) String originQueue,
                                        @QueryParam("disposition") @Size(max = MAX_KEY_LENGTH) String disposition) {
        return store.current().map(strategy -> WorkflowOptions.of(strategy.queuesFor(originQueue, disposition)));
    }
}
