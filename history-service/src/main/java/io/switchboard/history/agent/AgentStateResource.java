package io.switchboard.history.agent;

import io.smallrye.mutiny.Uni;
import io.switchboard.history.HistoryConfig;
import io.switchboard.history.search.Page;
import io.switchboard.history.search.PageRequest;
import io.switchboard.history.search.TimeRange;
import io.switchboard.history.search.Viewer;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.security.Roles;
import io.switchboard.kit.tx.Transactions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An agent's activity log: supervisors read anyone's, an agent their own. */
@Path("/api/history/agents/{agentId}/states")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Tag(name = "Agents", description = "Agent activity: every state change, who made it and why")
public class AgentStateResource {

    /** No end given: everything from the start on. */
    private static final Instant NO_END = Instant.parse("9999-12-31T00:00:00Z");

    private final AgentStateLog log;
    private final PageRequest pages;
    private final JsonWebToken jwt;
    private final ZoneId zone;
    private final Transactions tx;

    public AgentStateResource(AgentStateLog log, PageRequest pages, JsonWebToken jwt, HistoryConfig config,
                              Transactions tx) {
        this.log = log;
        this.pages = pages;
        this.jwt = jwt;
        this.zone = config.figures().zone();
        this.tx = tx;
    }

    @GET
    @Operation(summary = "An agent's state changes in a time range (default: today in the figures' zone), oldest first")
    public Uni<Page<AgentStateEntry>> of(@PathParam("agentId") String agentId, @QueryParam("from") String from,
                                         @QueryParam("to") String to, @QueryParam("page") Integer page,
                                         @QueryParam("size") Integer size) {
        Viewer viewer = Viewer.of(jwt);
        if (!viewer.supervisor() && !agentId.equals(viewer.agentId())) {
            throw Problems.forbidden("Only supervisors read another agent's activity.");
        }
        TimeRange range = TimeRange.parse(from, to, zone);
        Instant start = range.from() != null ? range.from() : LocalDate.now(zone).atStartOfDay(zone).toInstant();
        Instant end = range.to() != null ? range.to() : NO_END;
        if (!start.isBefore(end)) {
            throw Problems.badRequest("from must be before to");
        }
        int pageNumber = pages.page(page);
        int pageSize = pages.size(size);
        return tx.read(() -> log.of(agentId, start, end, pageNumber, pageSize));
    }
}
