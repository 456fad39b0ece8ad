package io.switchboard.session.chat;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.limits.RateLimits;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.security.Roles;
import io.switchboard.session.data.ChatData;
import io.switchboard.session.workflow.WorkflowOptions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The chat API of docs/api.md. Contacts (token of their chat) and agents (chats they take part in) share the
 * reading and messaging calls; the rest is the agent's. Every rule lives in the services this class calls.
 */
@Path("/api/chats")
@Tag(name = "Chats", description = "A chat from the contact's request to the agent's Mark Done")
public class ChatResource {

    private static final String TIMELINE_PAGE_DEFAULT = "100";
    /** Limit names of switchboard.limits.rules. */
    static final String CHAT_REQUESTS_LIMIT = "chat-requests";
    static final String MESSAGES_LIMIT = "messages";

    private final JsonWebToken jwt;
    private final ChatRequests requests;
    private final ChatReads reads;
    private final Messages messages;
    private final Participation participation;
    private final AgentRequests agentRequests;
    private final WrapUps wrapUps;
    private final RateLimits limits;
    private final ChatData chatData;

    public ChatResource(JsonWebToken jwt, ChatRequests requests, ChatReads reads,
                        Messages messages, Participation participation, AgentRequests agentRequests,
                        WrapUps wrapUps, RateLimits limits, ChatData chatData) {
        this.chatData = chatData;
        this.limits = limits;
        this.jwt = jwt;
        this.requests = requests;
        this.reads = reads;
        this.messages = messages;
        this.participation = participation;
        this.agentRequests = agentRequests;
        this.wrapUps = wrapUps;
    }

    @POST
    @PermitAll
    @Operation(summary = "Request a chat", description = "Answers the chat id and a contact token for this chat only; publishes chat.requested.")
    public Uni<Response> request(@Valid @NotNull ChatBodies.NewChat body, @Context HttpServerRequest http) {
        limits.check(CHAT_REQUESTS_LIMIT, http.remoteAddress().hostAddress());
        return requests.request(new ChatRequests.NewChat(body.name(), body.email(),
                        body.phoneNumbers(), body.queue(), body.subject(), body.language(),
                        body.identityToken(), body.data()))
                .map(c -> Response.status(Response.Status.CREATED)
                        .entity(new ChatViews.Created(c.chatId(), c.contactToken(), c.contactId(), c.socket()))
                        .build());
    }

    @GET
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "The agent's open chats (active, or ended and not done yet)")
    public Uni<List<ChatViews.ChatSummary>> mine(@QueryParam("mine") @DefaultValue("true") boolean mine) {
        if (!mine) {
            // Listing other agents' chats is a supervisor dashboard concern of routing/history, not this API.
            return Uni.createFrom().failure(Problems.badRequest("Only mine=true is supported."));
        }
        return reads.mine(caller()).map(chats -> chats.stream().map(ChatViews.ChatSummary::of).toList());
    }

    @GET
    @Path("/{chatId}")
    @RolesAllowed({Roles.CONTACT, Roles.AGENT})
    @Operation(summary = "A chat: state, contact, participants, last timeline position")
    public Uni<ChatViews.ChatView> chat(@PathParam("chatId") String chatId) {
        Caller caller = caller();
        return reads.chat(chatId, caller).map(c -> ChatViews.ChatView.of(c.chat(), c.participants(), c.lastSeq(),
                !caller.isContact()));
    }

    @GET
    @Path("/{chatId}/data")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.INTEGRATION})
    @Operation(summary = "The chat's attached data", description = "Agents of the chat, supervisors and integrations.")
    public Uni<ChatViews.Data> data(@PathParam("chatId") String chatId) {
        return chatData.read(chatId, caller(), integration()).map(ChatViews.Data::new);
    }

    @PATCH
    @Path("/{chatId}/data")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.INTEGRATION})
    @Operation(summary = "Change the chat's attached data",
            description = "A key with a value sets it, a key with null removes it; the owning agent until Mark Done "
                    + "(wrap-up included), supervisors and integrations likewise. Publishes chat.data.changed.")
    public Uni<ChatViews.Data> changeData(@PathParam("chatId") String chatId, @NotNull Map<String, Object> change) {
        return chatData.change(chatId, caller(), integration(), change).map(ChatViews.Data::new);
    }

    @GET
    @Path("/{chatId}/timeline")
    @RolesAllowed({Roles.CONTACT, Roles.AGENT})
    @Operation(summary = "Timeline items after a position (resume without a socket)")
    public Uni<ChatViews.Timeline> timeline(@PathParam("chatId") String chatId,
                                            @QueryParam("afterSeq") @DefaultValue("0") long afterSeq,
                                            @QueryParam("limit") @DefaultValue(TIMELINE_PAGE_DEFAULT) int limit) {
        return reads.timeline(chatId, caller(), afterSeq, limit)
                .map(page -> new ChatViews.Timeline(page.items(), page.lastSeq()));
    }

    @POST
    @Path("/{chatId}/messages")
    @RolesAllowed({Roles.CONTACT, Roles.AGENT})
    @Operation(summary = "Send a message", description = "201 with the new item; 200 with the stored item when the clientMessageId was sent before.")
    public Uni<Response> send(@PathParam("chatId") String chatId, @Valid @NotNull ChatBodies.NewMessage body) {
        Caller caller = caller();
        limits.check(MESSAGES_LIMIT, caller.id() + "/" + chatId);
        return messages.send(chatId, caller, new Messages.Draft(body.clientMessageId(), body.text(),
                        body.standardResponseId(), body.pageUrl()))
                .map(sent -> Response.status(sent.created() ? Response.Status.CREATED : Response.Status.OK)
                        .entity(sent.item()).build());
    }

    @POST
    @Path("/{chatId}/whispers")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Whisper: a message for the chat's agents and supervisors only",
            description = "From a supervisor who monitors or is in the chat, or an agent in it. Never shown to the "
                    + "contact. 201 with the new item (whisper: true); 200 with the stored one for a repeated "
                    + "clientMessageId.")
    public Uni<Response> whisper(@PathParam("chatId") String chatId, @Valid @NotNull ChatBodies.NewWhisper body) {
        Caller caller = caller();
        limits.check(MESSAGES_LIMIT, caller.id() + "/" + chatId);
        return messages.whisper(chatId, caller, body.clientMessageId(), body.text())
                .map(sent -> Response.status(sent.created() ? Response.Status.CREATED : Response.Status.OK)
                        .entity(sent.item()).build());
    }

    @POST
    @Path("/{chatId}/contact-token")
    @RolesAllowed(Roles.CONTACT)
    @Operation(summary = "Renew the contact token",
            description = "A fresh contact token of this chat, for its contact (with a valid token of it) only.")
    public ChatViews.RenewedToken renewContactToken(@PathParam("chatId") String chatId) {
        return new ChatViews.RenewedToken(requests.renewContactToken(chatId, caller()));
    }

    @POST
    @Path("/{chatId}/leave")
    @RolesAllowed({Roles.CONTACT, Roles.AGENT})
    @Operation(summary = "Leave", description = "The contact leaving ends the chat; a conference guest leaving does not.")
    public Uni<Response> leave(@PathParam("chatId") String chatId) {
        return participation.leave(chatId, caller()).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/{chatId}/transfer")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Transfer to a queue, agent or supervisor (through routing)")
    public Uni<Response> transfer(@PathParam("chatId") String chatId, @Valid @NotNull ChatBodies.Target body) {
        return accepted(agentRequests.transfer(chatId, caller(),
                new AgentRequests.Target(body.targetType(), body.targetId())));
    }

    @POST
    @Path("/{chatId}/conference")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Invite another agent or supervisor (through routing)")
    public Uni<Response> conference(@PathParam("chatId") String chatId, @Valid @NotNull ChatBodies.Target body) {
        return accepted(agentRequests.conference(chatId, caller(),
                new AgentRequests.Target(body.targetType(), body.targetId())));
    }

    @GET
    @Path("/{chatId}/phone-numbers")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Numbers for Make a call: the contact's, and those the contact wrote in the chat")
    public Uni<ChatViews.Numbers> phoneNumbers(@PathParam("chatId") String chatId) {
        return agentRequests.phoneNumbers(chatId, caller()).map(ChatViews.Numbers::new);
    }

    @POST
    @Path("/{chatId}/finish")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Finish: ends the conversation for everyone (chat.ended)")
    public Uni<Response> finish(@PathParam("chatId") String chatId) {
        return wrapUps.finish(chatId, caller()).map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/{chatId}/wrap-up")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "The wrap-up form")
    public Uni<WrapUps.WrapUp> wrapUp(@PathParam("chatId") String chatId) {
        return wrapUps.get(chatId, caller());
    }

    @PUT
    @Path("/{chatId}/wrap-up")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Change notes, transcript flag, disposition (until Mark Done)")
    public Uni<WrapUps.WrapUp> updateWrapUp(@PathParam("chatId") String chatId,
                                            @Valid @NotNull ChatBodies.WrapUp body) {
        return wrapUps.update(chatId, caller(),
                new WrapUps.Form(body.notes(), body.sendTranscript(), body.dispositionCode()));
    }

    @POST
    @Path("/{chatId}/transcript")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Send the transcript to the contact now (transcript.requested)")
    public Uni<Response> transcript(@PathParam("chatId") String chatId) {
        return accepted(agentRequests.transcript(chatId, caller()));
    }

    @GET
    @Path("/{chatId}/workflow-options")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Workflow queues offered at Mark Done (asks workflow-service; 503 when it cannot answer)")
    public Uni<WorkflowOptions> workflowOptions(@PathParam("chatId") String chatId) {
        return wrapUps.workflowOptions(chatId, caller());
    }

    @POST
    @Path("/{chatId}/done")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Mark Done (chat.completed)")
    public Uni<WrapUps.WrapUp> done(@PathParam("chatId") String chatId, @Valid ChatBodies.Done body) {
        ChatBodies.Done choice = body == null ? new ChatBodies.Done(null, null) : body;
        return wrapUps.done(chatId, caller(), choice.workflowDecision(), choice.workflowQueue());
    }

    private Caller caller() {
        return Caller.of(jwt);
    }

    /** A company system's token (neither agent nor supervisor): it acts on any chat's data. */
    private boolean integration() {
        return jwt.getGroups().contains(Roles.INTEGRATION);
    }

    private static Uni<Response> accepted(Uni<String> requestId) {
        return requestId.map(id -> Response.accepted(new ChatViews.Accepted(id)).build());
    }
}
