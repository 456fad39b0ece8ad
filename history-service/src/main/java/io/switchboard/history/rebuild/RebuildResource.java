package io.switchboard.history.rebuild;

import io.smallrye.common.annotation.Blocking;
import io.switchboard.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/history/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "Rebuild", description = "Replays every topic from the earliest offset into a fresh store and compares")
public class RebuildResource {

    private final RebuildService rebuild;

    public RebuildResource(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Blocking
    @Operation(summary = "Rebuild the history from the log into a fresh schema and compare it with the live store")
    public RebuildReport rebuild(@QueryParam("keep") boolean keep) {
        return rebuild.rebuild(keep);
    }
}
