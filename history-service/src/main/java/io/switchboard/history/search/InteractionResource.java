package io.switchboard.history.search;

import io.smallrye.mutiny.Uni;
import io.switchboard.history.HistoryConfig;
import io.switchboard.history.view.InteractionReader;
import io.switchboard.history.view.InteractionSummary;
import io.switchboard.history.view.InteractionView;
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
import java.time.ZoneId;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The contact history for agents and supervisors. */
@Path("/api/history")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Tag(name = "Interactions", description = "Contact history: search, a contact's interactions, one in full")
public class InteractionResource {

    private final InteractionSearch search;
    private final InteractionReader reader;
    private final PageRequest pages;
    private final JsonWebToken jwt;
    private final ZoneId zone;
    private final Transactions tx;

    public InteractionResource(InteractionSearch search, InteractionReader reader, PageRequest pages,
                               JsonWebToken jwt, HistoryConfig config,
                               Transactions tx) {
        this.tx = tx;
        this.search = search;
        this.reader = reader;
        this.pages = pages;
        this.jwt = jwt;
        this.zone = config.figures().zone();
    }

    @GET
    @Path("/interactions")
    @Operation(summary = "Search interactions (newest first by default); agents only see their contacts'")
    public Uni<Page<InteractionSummary>> search(@QueryParam("contactId") String contactId,
                                                @QueryParam("agentId") String agentId,
                                                @QueryParam("queue") String queue,
                                                @QueryParam("disposition") String disposition,
                                                @QueryParam("from") String from, @QueryParam("to") String to,
                                                @QueryParam("q") String words,
                                                @QueryParam("dataKey") String dataKey,
                                                @QueryParam("dataValue") String dataValue,
                                                @QueryParam("sort") String sort,
                                                @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        TimeRange range = TimeRange.parse(from, to, zone);
        if (blankToNull(dataValue) != null && blankToNull(dataKey) == null) {
            throw Problems.invalidField("dataKey", "dataValue needs the key it is the value of");
        }
        InteractionCriteria criteria = new InteractionCriteria(blankToNull(contactId), blankToNull(agentId),
                blankToNull(queue), blankToNull(disposition), range.from(), range.to(), blankToNull(words),
                blankToNull(dataKey), blankToNull(dataValue));
        return tx.read(() -> summaries(criteria, SortOrder.parse(sort), pages.page(page), pages.size(size)));
    }

    @GET
    @Path("/contacts/{contactId}/interactions")
    @Operation(summary = "A contact's interactions, newest first")
    public Uni<Page<InteractionSummary>> ofContact(@PathParam("contactId") String contactId,
                                                   @QueryParam("page") Integer page,
                                                   @QueryParam("size") Integer size) {
        int pageNumber = pages.page(page);
        int pageSize = pages.size(size);
        return tx.read(() -> search.servesContact(contactId, Viewer.of(jwt)).chain(allowed -> {
            if (!allowed) {
                throw Problems.forbidden("You have not served contact '" + contactId + "'.");
            }
            return summaries(InteractionCriteria.ofContact(contactId), SortOrder.NEWEST_FIRST, pageNumber, pageSize);
        }));
    }

    @GET
    @Path("/interactions/{chatId}")
    @Operation(summary = "One interaction in full: timings, participants, messages, transfers, wrap-up, workflow")
    public Uni<InteractionView> get(@PathParam("chatId") String chatId) {
        return tx.read(() -> reader.find(chatId).chain(view -> {
            if (view == null) {
                throw Problems.notFound("Interaction", chatId);
            }
            return search.maySee(chatId, Viewer.of(jwt)).map(allowed -> {
                if (!allowed) {
                    throw Problems.forbidden("You have not served the contact of interaction '" + chatId + "'.");
                }
                return view;
            });
        }));
    }

    private Uni<Page<InteractionSummary>> summaries(InteractionCriteria criteria, SortOrder order, int page, int size) {
        return search.find(criteria, Viewer.of(jwt), order, page, size)
                .chain(rows -> reader.summaries(rows.items())
                        .map(items -> new Page<>(items, rows.page(), rows.size(), rows.total())));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
