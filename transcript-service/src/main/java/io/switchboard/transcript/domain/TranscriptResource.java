package io.switchboard.transcript.domain;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.security.Roles;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.transcript.delivery.Recipient;
import io.switchboard.transcript.delivery.TranscriptDispatcher;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A chat's transcript and the state of its e-mails, for the agents who took part and for supervisors. */
@Path("/api/transcripts/{chatId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transcripts")
public class TranscriptResource {

    private final JsonWebToken jwt;
    private final TranscriptRequests requests;
    private final TranscriptDispatcher dispatcher;
    private final Transactions tx;

    public TranscriptResource(JsonWebToken jwt, TranscriptRequests requests, TranscriptDispatcher dispatcher,
                              Transactions tx) {
        this.tx = tx;
        this.jwt = jwt;
        this.requests = requests;
        this.dispatcher = dispatcher;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "The transcript lines and every request to mail it, with its status")
    public Uni<TranscriptDto> get(@PathParam("chatId") String chatId) {
        return tx.read(() -> readable(chatId).chain(transcript -> TranscriptLine.ofChat(chatId)
                .chain(lines -> TranscriptRequest.ofChat(chatId)
                        .map(sends -> TranscriptDto.of(transcript, lines, sends)))));
    }

    @POST
    @Path("/resend")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Mail the transcript to the contact again, as a new request")
    public Uni<Response> resend(@PathParam("chatId") String chatId) {
        String requestId = UUID.randomUUID().toString();
        return tx.commit(() -> Transcript.<Transcript>findById(chatId)
                        .onItem().ifNull().failWith(() -> Problems.notFound("Transcript", chatId))
                        .invoke(transcript -> {
                            if (Recipient.validate(transcript.email).isEmpty()) {
                                throw Problems.conflict("no-recipient", "No address to mail to",
                                        "No valid e-mail address is known for the contact of chat " + chatId + ".");
                            }
                        })
                        .chain(transcript -> requests.add(chatId, requestId, RequestOrigin.RESEND,
                                jwt.getSubject())))
                // After the commit, so that the sender finds the request at once.
                .invoke(dispatcher::kick)
                .map(added -> Response.accepted(new ResendAccepted(requestId)).build());
    }

    /** The chat, if the caller may read it: a supervisor, or an agent who took part. */
    private Uni<Transcript> readable(String chatId) {
        return Transcript.<Transcript>findById(chatId)
                .onItem().ifNull().failWith(() -> Problems.notFound("Transcript", chatId))
                .chain(transcript -> jwt.getGroups().contains(Roles.SUPERVISOR) ? Uni.createFrom().item(transcript)
                        : TranscriptParticipant.tookPart(chatId, jwt.getSubject()).map(tookPart -> {
                            if (!tookPart) {
                                throw Problems.forbidden("You did not take part in chat " + chatId + ".");
                            }
                            return transcript;
                        }));
    }

    public record ResendAccepted(String requestId) {
    }
}
