package io.switchboard.telephony.call;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.limits.RateLimits;
import io.switchboard.kit.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/telephony/calls/{requestId}")
@Tag(name = "Calls", description = "Phone calls placed through the company's PBX")
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

    /** Limit name of switchboard.limits.rules: status callbacks per client address. */
    static final String WEBHOOK_LIMIT = "telephony-webhook";

    private final Calls calls;
    private final WebhookAuth auth;
    private final RateLimits limits;
    private final JsonWebToken jwt;

    public CallResource(Calls calls, WebhookAuth auth, RateLimits limits, JsonWebToken jwt) {
        this.calls = calls;
        this.auth = auth;
        this.limits = limits;
        this.jwt = jwt;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "A call's state (supervisors: any call; agents: the calls they asked for)")
    public Uni<CallView> call(@PathParam("requestId") String requestId) {
        return calls.read(requestId, jwt.getSubject(), jwt.getGroups().contains(Roles.SUPERVISOR));
    }

    @POST
    @Path("/status")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The PBX reports a call's status (shared secret: X-Telephony-Secret or HTTP Basic)",
            description = "Publishes telephony.call.status. The same status again changes nothing; a status before "
                    + "the call's, or after a final one, is refused with 409.")
    public Uni<CallView> status(@PathParam("requestId") String requestId, StatusBodies.Json body,
                                @HeaderParam(WebhookAuth.SECRET_HEADER) String secret,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @Context HttpServerRequest http) {
        admit(secret, authorization, http);
        return calls.report(requestId, StatusBodies.fromJson(body));
    }

    @POST
    @Path("/status")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Twilio's call status callback (CallStatus, CallSid, CallDuration), same rules")
    public Uni<CallView> twilioStatus(@PathParam("requestId") String requestId, MultivaluedMap<String, String> form,
                                      @HeaderParam(WebhookAuth.SECRET_HEADER) String secret,
                                      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                      @Context HttpServerRequest http) {
        admit(secret, authorization, http);
        return calls.report(requestId, StatusBodies.fromTwilio(form.getFirst("CallStatus"), form.getFirst("CallSid"),
                form.getFirst("CallDuration")));
    }

    private void admit(String secret, String authorization, HttpServerRequest http) {
        limits.check(WEBHOOK_LIMIT, http.remoteAddress().hostAddress());
        auth.check(secret, authorization);
    }
}
