package io.switchboard.session.disposition;

import io.switchboard.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/disposition-codes")
@Tag(name = "Wrap-up")
public class DispositionCodeResource {

    private final DispositionConfig config;

    public DispositionCodeResource(DispositionConfig config) {
        this.config = config;
    }

    public record Code(String code, String label) {
    }

    public record Codes(boolean required, List<Code> codes) {
    }

    @GET
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "The disposition codes, and whether Mark Done requires one")
    public Codes codes() {
        return new Codes(config.required(), config.codes().stream().map(c -> new Code(c.code(), c.label())).toList());
    }
}
