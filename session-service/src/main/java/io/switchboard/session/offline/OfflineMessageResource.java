package io.switchboard.session.offline;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.limits.RateLimits;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "Leave us a message": public like the chat request, with the same kind of limit per client address. */
@Path("/api/offline-messages")
@Tag(name = "Messages left", description = "What a contact writes when nobody can chat")
public class OfflineMessageResource {

    /** Limit name of switchboard.limits.rules. */
    static final String OFFLINE_MESSAGES_LIMIT = "offline-messages";

    /** The same limits as a chat request's fields; the text's length is checked by the service (configured). */
    public record NewMessage(@NotBlank @Size(max = 200) String name,
                             @NotBlank @Email @Size(max = 320) String email,
                             @NotBlank @Size(max = 100) String queue,
                             @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*") String language,
                             @NotBlank String text,
                             @Size(max = 8192) String identityToken,
                             Map<String, Object> data,
                             @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String clientMessageId) {
    }

    public record Created(String messageId, Instant leftAt) {
    }

    private final OfflineMessages messages;
    private final RateLimits limits;

    public OfflineMessageResource(OfflineMessages messages, RateLimits limits) {
        this.messages = messages;
        this.limits = limits;
    }

    @POST
    @PermitAll
    @Operation(summary = "Leave a message", description = "When the queue is closed or nobody answers; publishes "
            + "contact.message.left (a follow-up work item, an acknowledgement e-mail, the contact's history).")
    public Uni<Response> leave(@Valid @NotNull NewMessage body, @Context HttpServerRequest http) {
        limits.check(OFFLINE_MESSAGES_LIMIT, http.remoteAddress().hostAddress());
        return messages.leave(new OfflineMessages.Draft(body.name(), body.email(), body.queue(), body.language(),
                        body.text(), body.identityToken(), body.data(), body.clientMessageId()))
                // A repeated submission answers 200 with the message stored the first time.
                .map(left -> Response.status(left.repeated() ? Response.Status.OK : Response.Status.CREATED)
                        .entity(new Created(left.messageId(), left.leftAt())).build());
    }
}
