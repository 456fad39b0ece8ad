package io.switchboard.routing.stats;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.QueueStats;
import io.switchboard.kit.security.Roles;
import io.switchboard.kit.tx.Transactions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The supervisor's live view of every queue (the same figures go to {@code routing.stats}). */
@Path("/api/routing/stats")
@Tag(name = "Supervisor figures")
@RolesAllowed(Roles.SUPERVISOR)
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final QueueFigures figures;
    private final Transactions tx;

    public StatsResource(QueueFigures figures, Transactions tx) {
        this.tx = tx;
        this.figures = figures;
    }

    @GET
    @Operation(summary = "Per queue: waiting, longest wait, agents ready/busy/not ready, offered, accepted, "
            + "abandoned and service level over the sliding window")
    public Uni<List<QueueStats>> stats() {
        return tx.read(figures::compute);
    }
}
