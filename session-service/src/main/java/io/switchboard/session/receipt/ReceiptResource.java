package io.switchboard.session.receipt;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.limits.RateLimits;
import io.switchboard.kit.security.Roles;
import io.switchboard.session.chat.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Receipts over REST, for clients without a socket: the same code path as the {@code received} and {@code read}
 * frames, the same limit.
 */
@Path("/api/chats/{chatId}/receipts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Receipts", description = "Delivery and read receipts of a chat's participants")
public class ReceiptResource {

    /** Limit name of switchboard.limits.rules, shared with the sockets' receipt frames. */
    public static final String RECEIPTS_LIMIT = "receipts";

    private final Receipts receipts;
    private final RateLimits limits;
    private final JsonWebToken jwt;

    public ReceiptResource(Receipts receipts, RateLimits limits, JsonWebToken jwt) {
        this.receipts = receipts;
        this.limits = limits;
        this.jwt = jwt;
    }

    /** @param deliveredSeq the highest seq the client received; readSeq the highest it showed (either or both) */
    public record Body(Long deliveredSeq, Long readSeq) {
    }

    @POST
    @RolesAllowed({Roles.CONTACT, Roles.AGENT})
    @Operation(summary = "Tell how far the caller received and read the chat",
            description = "Cumulative watermarks that only grow: one that moves nothing changes nothing. Answers the "
                    + "caller's receipts after the change; publishes chat.receipt.updated when one grew.")
    public Uni<Receipts.Receipt> record(@PathParam("chatId") String chatId, @NotNull Body body) {
        Caller caller = Caller.of(jwt);
        limits.check(RECEIPTS_LIMIT, caller.id() + "/" + chatId);
        return receipts.record(chatId, caller, body.deliveredSeq(), body.readSeq());
    }
}
