package io.switchboard.session.supervision;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.security.Roles;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.chat.ChatReads;
import io.switchboard.session.chat.Participation;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.ChatState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The supervisor's calls on live chats (docs/api.md "Supervision"): list them, monitor one silently, barge in.
 * Whispers are chat messages of a kind and live beside them ({@code POST /api/chats/{chatId}/whispers}).
 */
@Path("/api/supervision/chats")
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "Supervision", description = "Silent monitoring and barge-in, for supervisors")
public class SupervisionResource {

    private final JsonWebToken jwt;
    private final ChatReads reads;
    private final Monitoring monitoring;
    private final Participation participation;

    public SupervisionResource(JsonWebToken jwt, ChatReads reads, Monitoring monitoring,
                               Participation participation) {
        this.jwt = jwt;
        this.reads = reads;
        this.monitoring = monitoring;
        this.participation = participation;
    }

    /** A chat going on now, as the supervisor's list shows it. */
    public record LiveChat(String chatId, ChatState state, String queue, String subject, String contactName,
                           String ownerAgentId, Instant requestedAt, long lastSeq) {
        static LiveChat of(Chat chat) {
            return new LiveChat(chat.id, chat.state, chat.queue, chat.subject, chat.contactName, chat.ownerAgentId,
                    chat.requestedAt, chat.lastSeq);
        }
    }

    @GET
    @Operation(summary = "Chats going on now (waiting or with an agent), oldest first")
    public Uni<List<LiveChat>> live() {
        return reads.live().map(chats -> chats.stream().map(LiveChat::of).toList());
    }

    @POST
    @Path("/{chatId}/monitoring")
    @Operation(summary = "Start monitoring a chat silently",
            description = "201 when it starts (chat.monitoring started), 200 when already monitoring. The contact "
                    + "sees nothing; the supervisor then reads the timeline and resumes it over /ws/agent.")
    public Uni<Response> startMonitoring(@PathParam("chatId") String chatId) {
        return monitoring.start(chatId, caller()).map(started -> Response.status(started
                ? Response.Status.CREATED : Response.Status.OK).build());
    }

    @DELETE
    @Path("/{chatId}/monitoring")
    @Operation(summary = "Stop monitoring a chat (chat.monitoring stopped)")
    public Uni<Response> stopMonitoring(@PathParam("chatId") String chatId) {
        return monitoring.stop(chatId, caller()).map(stopped -> Response.noContent().build());
    }

    @POST
    @Path("/{chatId}/barge-in")
    @Operation(summary = "Join the chat openly, announced to everyone (chat.participant CONFERENCE_JOINED)",
            description = "Leave with POST /api/chats/{chatId}/leave.")
    public Uni<Response> bargeIn(@PathParam("chatId") String chatId) {
        return participation.bargeIn(chatId, caller()).map(ignored -> Response.noContent().build());
    }

    private Caller caller() {
        return Caller.of(jwt);
    }
}
