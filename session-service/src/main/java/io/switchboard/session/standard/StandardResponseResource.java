package io.switchboard.session.standard;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.security.Roles;
import io.switchboard.kit.tx.Transactions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The standard-response library: agents search it, supervisors manage it. Placeholders are filled on use. */
@Path("/api/standard-responses")
@Tag(name = "Standard responses", description = "Prepared answers with per-language texts and {contact.name}/{agent.name} placeholders")
public class StandardResponseResource {

    private final StandardResponses library;
    private final Transactions tx;

    public StandardResponseResource(StandardResponses library, Transactions tx) {
        this.library = library;
        this.tx = tx;
    }

    public record Body(@NotBlank @Size(max = 100) String category, @NotBlank @Size(max = 200) String title,
                       @NotEmpty @Size(max = 20) Map<@NotBlank @Size(max = 35) String,
                               @NotBlank @Size(max = 4000) String> texts) {
    }

    public record View(UUID id, String category, String title, Map<String, String> texts) {
        static View of(StandardResponse r) {
            return new View(r.id, r.category, r.title, r.texts());
        }
    }

    @GET
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Search by text, category and language")
    public Uni<List<View>> search(@QueryParam("q") String q, @QueryParam("category") String category,
                                  @QueryParam("language") String language) {
        return tx.read(() -> library.search(q, category, language)).map(list -> list.stream().map(View::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.AGENT)
    public Uni<View> get(@PathParam("id") UUID id) {
        return tx.read(() -> library.get(id)).map(View::of);
    }

    @POST
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Add a standard response (supervisors)")
    public Uni<Response> create(@Valid @NotNull Body body) {
        return tx.commit(() -> library.create(draft(body)))
                .map(r -> Response.status(Response.Status.CREATED).entity(View.of(r)).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Change a standard response (supervisors)")
    public Uni<View> update(@PathParam("id") UUID id, @Valid @NotNull Body body) {
        return tx.commit(() -> library.update(id, draft(body))).map(View::of);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Remove a standard response (supervisors)")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return tx.commit(() -> library.delete(id)).map(ignored -> Response.noContent().build());
    }

    private static StandardResponses.Draft draft(Body body) {
        return new StandardResponses.Draft(body.category(), body.title(), body.texts());
    }
}
