package io.switchboard.session.survey;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.limits.RateLimits;
import io.switchboard.kit.security.Roles;
import io.switchboard.session.chat.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The contact's satisfaction survey of a chat (docs/api.md): whether it is asked, and the one answer. */
@Path("/api/chats/{chatId}/survey")
@RolesAllowed(Roles.CONTACT)
@Tag(name = "Survey", description = "The contact's score (1-5) and comment after the chat")
public class SurveyResource {

    /** Limit name of switchboard.limits.rules: survey answers per chat. */
    static final String SURVEYS_LIMIT = "surveys";

    private final JsonWebToken jwt;
    private final Surveys surveys;
    private final RateLimits limits;

    public SurveyResource(JsonWebToken jwt, Surveys surveys, RateLimits limits) {
        this.jwt = jwt;
        this.surveys = surveys;
        this.limits = limits;
    }

    /** The body of an answer; the service checks the score's range and the comment's length itself. */
    public record Body(Integer score, String comment) {
    }

    @GET
    @Operation(summary = "Whether the survey is asked for this chat, and its answer if given")
    public Uni<Surveys.Status> status(@PathParam("chatId") String chatId) {
        return surveys.status(chatId, Caller.of(jwt));
    }

    @POST
    @Operation(summary = "Answer the survey once the chat ended (chat.survey.answered)",
            description = "201 with the answer; 200 with the stored answer when the same answer was sent before; "
                    + "409 survey-answered for a different second answer, chat-not-ended, survey-not-offered.")
    public Uni<Response> answer(@PathParam("chatId") String chatId, @NotNull Body body) {
        Caller caller = Caller.of(jwt);
        limits.check(SURVEYS_LIMIT, caller.id() + "/" + chatId);
        return surveys.answer(chatId, caller, body.score(), body.comment())
                .map(s -> Response.status(s.created() ? Response.Status.CREATED : Response.Status.OK)
                        .entity(s.answer()).build());
    }
}
