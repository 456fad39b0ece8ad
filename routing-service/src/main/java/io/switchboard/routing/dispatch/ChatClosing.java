package io.switchboard.routing.dispatch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.ChatEnded;
import io.switchboard.events.ChatParticipant;
import io.switchboard.events.OfferKind;
import io.switchboard.events.ParticipantChange;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.agent.AgentState;
import io.switchboard.routing.agent.AgentStateChanges;
import io.switchboard.routing.offer.OfferStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The end of a chat, or of an agent's part in it: a contact who leaves while waiting is taken out of the queue at
 * once; an agent's capacity frees at Mark Done, or when they leave a conference or transfer the chat away.
 * Runs inside the consuming transaction.
 */
@ApplicationScoped
public class ChatClosing {

    private static final Set<ParticipantChange> RELEASING = EnumSet.of(ParticipantChange.LEFT,
            ParticipantChange.TRANSFERRED_AWAY);
    private static final Set<AgentState> AVAILABLE = EnumSet.of(AgentState.READY, AgentState.AFTER_CHAT_WORK);

    private final EventOutbox outbox;
    private final AgentState afterDone;
    private final AgentStateChanges states;

    public ChatClosing(EventOutbox outbox, RoutingConfig config, AgentStateChanges states) {
        this.outbox = outbox;
        this.states = states;
        this.afterDone = config.afterDoneState();
    }

    /** While waiting: removed from the queue (and any open offer withdrawn). While active: nothing to free yet. */
    public Uni<Void> ended(ChatEnded event) {
        Instant now = Instant.now();
        EndedChat ended = new EndedChat();
        ended.chatId = event.chatId();
        ended.reason = event.reason();
        ended.endedAt = event.endedAt() != null ? event.endedAt() : now;
        // Under the chat's lock: a request being taken in at the same time is either seen here or sees this end.
        return Rows.lockChat(event.chatId())
                .chain(() -> Panache.getSession()).chain(session -> session.find(EndedChat.class, event.chatId()))
                .chain(known -> known != null ? Uni.createFrom().voidItem() : ended.persist().replaceWithVoid())
                .chain(() -> Rows.lockOpenRequest(event.chatId()))
                .chain(open -> open == null ? Uni.createFrom().voidItem() : withdraw(open, event, now));
    }

    private Uni<Void> withdraw(RoutingRequest request, ChatEnded event, Instant now) {
        Uni<Void> offerClosed = request.status != RequestStatus.OFFERED ? Uni.createFrom().voidItem()
                : Rows.lockOpenOffer(request.id).chain(offer -> offer == null ? Uni.createFrom().voidItem()
                : Rows.lockAgent(offer.agentId).invoke(agent -> {
                    offer.close(OfferStatus.CANCELLED, Instant.now());
                    agent.workload--;
                }).replaceWithVoid());
        boolean contactWaiting = request.kind == OfferKind.CHAT;
        RoutingOutcome outcome = contactWaiting ? RoutingOutcome.ABANDONED : RoutingOutcome.FAILED;
        String reason = contactWaiting ? "The contact left while waiting (" + event.reason() + ")."
                : "The chat ended before the " + request.kind.name().toLowerCase() + " was answered.";
        return offerClosed.chain(() -> {
            request.finish(outcome, now);
            return outbox.publish(Decisions.finished(outcome, request, reason, now));
        }).replaceWithVoid();
    }

    /** Mark Done: every agent still holding the chat gets the slot back. */
    public Uni<Void> completed(ChatCompleted event) {
        Instant now = Instant.now();
        return Rows.lockHeld(event.chatId())
                .onItem().transformToMulti(held -> Multi.createFrom().iterable(held))
                .onItem().transformToUniAndConcatenate(assignment -> release(assignment).call(agent ->
                        agent.id.equals(event.agentId()) && AVAILABLE.contains(agent.state)
                                ? states.byRouting(agent, afterDone, null, now) : Uni.createFrom().voidItem()))
                .collect().asList()
                .replaceWithVoid();
    }

    /** Leaving a conference, or handing the chat over in a transfer, frees that agent's slot. */
    public Uni<Void> participantChanged(ChatParticipant event) {
        if (event.joined() || !RELEASING.contains(event.change())) {
            return Uni.createFrom().voidItem();
        }
        return Rows.lockHeld(event.chatId())
                .onItem().transformToMulti(held -> Multi.createFrom().iterable(held))
                .select().where(assignment -> assignment.agentId.equals(event.participantId()))
                .onItem().transformToUniAndConcatenate(assignment -> release(assignment))
                .collect().asList()
                .replaceWithVoid();
    }

    private Uni<Agent> release(Assignment assignment) {
        return Rows.lockAgent(assignment.agentId).invoke(agent -> {
            // Stamped under the agent's lock, so that intervals of load never seem to overlap when they did not.
            assignment.releasedAt = Instant.now();
            agent.workload--;
        });
    }
}
