package io.switchboard.history.export;

import io.switchboard.history.figures.FiguresService;
import io.switchboard.history.search.TimeRange;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

@Path("/api/history/export")
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "Export", description = "Interactions of a date range for analysts, as JSON Lines or CSV")
public class ExportResource {

    private final InteractionExport export;
    private final FiguresService figures;

    public ExportResource(InteractionExport export, FiguresService figures) {
        this.export = export;
        this.figures = figures;
    }

    @GET
    // No @Produces: the content type depends on the format parameter and is set on the RestMulti itself.
    @Operation(summary = "Interactions requested in [from, to) (ISO instants or dates), oldest first, streamed")
    public RestMulti<String> export(@QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("format") String format) {
        if (from == null || to == null) {
            throw Problems.badRequest("from and to are required");
        }
        ExportFormat exportFormat = ExportFormat.parse(format);
        TimeRange range = TimeRange.parse(from, to, figures.zone());
        return RestMulti.fromMultiData(export.export(range, exportFormat))
                .header(HttpHeaders.CONTENT_TYPE, exportFormat.mediaType + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"interactions." + exportFormat.extension + "\"")
                .build();
    }
}
