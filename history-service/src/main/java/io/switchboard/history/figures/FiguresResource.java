package io.switchboard.history.figures;

import io.smallrye.mutiny.Uni;
import io.switchboard.history.search.TimeRange;
import io.switchboard.kit.security.Roles;
import io.switchboard.kit.tx.Transactions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/history/figures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "Figures", description = "Per queue and day: interactions, average wait and handle time, dispositions")
public class FiguresResource {

    private final FiguresService figures;
    private final Transactions tx;

    public FiguresResource(FiguresService figures, Transactions tx) {
        this.tx = tx;
        this.figures = figures;
    }

    @GET
    @Operation(summary = "Figures per queue and day of request over [from, to) (ISO instants or dates)")
    public Uni<FiguresReport> get(@QueryParam("from") String from, @QueryParam("to") String to) {
        return tx.read(() -> figures.figures(TimeRange.parse(from, to, figures.zone())));
    }
}
