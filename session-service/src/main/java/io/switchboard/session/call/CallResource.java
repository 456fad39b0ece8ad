package io.switchboard.session.call;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.CallChannel;
import io.switchboard.events.CallState;
import io.switchboard.kit.security.Roles;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.SessionConfig;
import io.switchboard.session.chat.AgentRequests;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.chat.ChatAccess;
import io.switchboard.session.domain.Chat;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The calls of a chat: "Make a call" ({@code POST /api/chats/{chatId}/calls}, a phone call through the telephony) and
 * the call log with the ICE servers the browsers use ({@code GET}). The log is for the chat's participants (the contact
 * included) and supervisors who monitor it; the ICE servers (TURN credentials) only for participants, who are the
 * only ones who can be in a call. Web calls themselves are started and answered over the sockets (docs/api.md).
 */
@Path("/api/chats/{chatId}/calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calls", description = "Web calls between browsers and phone calls through the telephony, per chat")
public class CallResource {

    private final Transactions tx;
    private final ChatAccess access;
    private final AgentRequests agentRequests;
    private final JsonWebToken jwt;
    private final List<IceServer> iceServers;

    public CallResource(Transactions tx, ChatAccess access, AgentRequests agentRequests, JsonWebToken jwt,
                        SessionConfig config) {
        this.tx = tx;
        this.access = access;
        this.agentRequests = agentRequests;
        this.jwt = jwt;
        this.iceServers = config.call().iceServers().orElse(List.of()).stream()
                .map(s -> new IceServer(s.urls(), s.username().orElse(null), s.credential().orElse(null))).toList();
    }

    public record IceServer(List<String> urls, String username, String credential) {
    }

    public record CallView(String callId, CallChannel channel, CallState state, String agentId, String agentName,
                           String phoneNumber, Instant createdAt, Instant answeredAt, Instant endedAt,
                           String endedBy, String reason, Long durationSeconds) {
        static CallView of(ChatCall c) {
            return new CallView(c.id, c.channel, c.state, c.agentId, c.agentName, c.phoneNumber, c.createdAt,
                    c.answeredAt, c.endedAt, c.endedBy, c.reason, c.durationSeconds());
        }
    }

    /** @param iceServers empty for observers (a monitoring supervisor) */
    public record Calls(String chatId, List<IceServer> iceServers, List<CallView> calls) {
    }

    public record PhoneCall(@NotBlank @Size(max = 40) String phoneNumber) {
    }

    public record Accepted(String requestId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Make a call (publishes chat.call.requested, opens a PHONE call in the log)")
    public Uni<Response> call(@PathParam("chatId") String chatId, @Valid @NotNull PhoneCall body) {
        return agentRequests.call(chatId, Caller.of(jwt), body.phoneNumber())
                .map(id -> Response.accepted(new Accepted(id)).build());
    }

    @GET
    @RolesAllowed({Roles.CONTACT, Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "The chat's calls, oldest first, and the ICE servers for web calls")
    public Uni<Calls> list(@PathParam("chatId") String chatId) {
        Caller caller = Caller.of(jwt);
        return tx.read(() -> Chat.byId(chatId).chain(chat -> access.reader(chat, caller))
                .chain(me -> ChatCall.ofChat(chatId).map(calls -> new Calls(chatId,
                        me.observer ? List.of() : iceServers, calls.stream().map(CallView::of).toList()))));
    }
}
