package io.switchboard.gateway.auth;

import io.smallrye.jwt.build.Jwt;
import io.switchboard.gateway.GatewayProblem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /auth/dev-token}: a signed token for a demo roster user, so the local run works without an identity
 * provider. When dev login is disabled (production profile) the endpoints answer 404, as if they did not exist.
 */
@Path("/auth")
@Tag(name = "Development login")
@Produces(MediaType.APPLICATION_JSON)
public class DevTokenResource {

    /** The key of the roster user, the only field of the request. */
    public record DevTokenRequest(String username) {
    }

    public record DevToken(String token) {
    }

    public record RosterEntry(String username, String name, List<String> groups) {
    }

    private static final String NAME_CLAIM = "name";

    private final DevLoginConfig config;

    public DevTokenResource(DevLoginConfig config) {
        this.config = config;
    }

    @POST
    @Path("/dev-token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Signs a token for a demo roster user (local run and tests only)")
    public Response token(DevTokenRequest request) {
        if (!config.enabled()) {
            return disabled("/auth/dev-token");
        }
        String username = request == null ? null : request.username();
        DevLoginConfig.RosterUser user = username == null ? null : config.roster().get(username);
        if (user == null) {
            return problem(GatewayProblem.of(400, "bad-request", "Bad Request",
                    "username must be one of " + config.roster().keySet(), "/auth/dev-token"));
        }
        String token = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(username)
                .upn(username)
                .groups(user.groups())
                .claim(NAME_CLAIM, user.name())
                .expiresIn(config.tokenLifetime())
                .sign();
        return Response.ok(new DevToken(token)).build();
    }

    @GET
    @Path("/dev-roster")
    @Operation(summary = "Lists the demo roster users a development token can be had for")
    public Response roster() {
        if (!config.enabled()) {
            return disabled("/auth/dev-roster");
        }
        List<RosterEntry> entries = config.roster().entrySet().stream()
                .map(e -> new RosterEntry(e.getKey(), e.getValue().name(),
                        e.getValue().groups().stream().sorted().toList()))
                .sorted(Comparator.comparing(RosterEntry::username))
                .toList();
        return Response.ok(entries).build();
    }

    private static Response disabled(String path) {
        return problem(GatewayProblem.of(404, "not-found", "Not Found", "Development login is disabled", path));
    }

    private static Response problem(GatewayProblem problem) {
        return Response.status(problem.status()).type(GatewayProblem.MEDIA_TYPE).entity(problem).build();
    }
}
