package io.switchboard.session.chat;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.EndReason;
import io.switchboard.events.OfferKind;
import io.switchboard.events.ParticipantChange;
import io.switchboard.events.ParticipantRole;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.call.CallLog;
import io.switchboard.session.call.WebCalls;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.ChatState;
import io.switchboard.session.domain.Participant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Who is in a chat: agents join when routing says an offer was accepted (a chat, a transfer, a conference
 * invitation), conference guests and the contact leave. Every change is a notice in the timeline.
 */
@ApplicationScoped
public class Participation {

    private final Transactions tx;
    private final ChatAccess access;
    private final Timeline timeline;
    private final ChatEnding ending;
    private final WebCalls webCalls;

    public Participation(Transactions tx, ChatAccess access, Timeline timeline, ChatEnding ending,
                         WebCalls webCalls) {
        this.webCalls = webCalls;
        this.tx = tx;
        this.access = access;
        this.timeline = timeline;
        this.ending = ending;
    }

    /** Applies a routing decision inside the consumer's transaction. Decisions may arrive after the chat ended. */
    public Uni<Void> apply(ChatRouted routed) {
        return switch (routed.outcome()) {
            case QUEUED, OVERFLOWED -> Chat.lockForUpdate(routed.chatId()).invoke(chat -> {
                if (chat.state == ChatState.WAITING && routed.queue() != null) {
                    chat.queue = routed.queue();
                }
            }).replaceWithVoid();
            case ACCEPTED -> Chat.lockForUpdate(routed.chatId()).chain(chat -> accepted(chat, routed));
            case UNANSWERED -> Chat.lockForUpdate(routed.chatId()).chain(chat -> chat.state == ChatState.WAITING
                    ? ending.end(chat, EndReason.NO_AGENT_AVAILABLE, ChatEnding.SYSTEM, ChatEnding.SYSTEM)
                            .replaceWithVoid()
                    : Uni.createFrom().voidItem());
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> accepted(Chat chat, ChatRouted routed) {
        if (!chat.isOpen()) {
            Log.infof("chat %s is %s; acceptance by %s ignored", chat.id, chat.state, routed.agentId());
            return Uni.createFrom().voidItem();
        }
        OfferKind kind = routed.offerKind() == null ? OfferKind.CHAT : routed.offerKind();
        String agentName = routed.agentName() == null ? routed.agentId() : routed.agentName();
        return Participant.inChat(chat.id, routed.agentId()).chain(existing -> {
            if (existing != null && existing.present()) {
                return Uni.createFrom().voidItem();
            }
            Participant agent = rejoinOrNew(existing, chat.id, routed.agentId(), agentName, ParticipantRole.AGENT,
                    routed.at());
            ParticipantChange change = kind == OfferKind.CONFERENCE ? ParticipantChange.CONFERENCE_JOINED
                    : ParticipantChange.AGENT_JOINED;
            String previousOwner = chat.ownerAgentId;
            if (kind != OfferKind.CONFERENCE) {
                chat.ownerAgentId = agent.participantId;
                chat.state = ChatState.ACTIVE;
                // The chat now belongs to the queue of the offer it was accepted from: a transfer moves it.
                if (routed.queue() != null) {
                    chat.queue = routed.queue();
                }
            }
            Uni<Void> joined = agent.persist().chain(() -> timeline.participantChange(chat, agent, change,
                    NoticeTexts.joined(agent.name))).replaceWithVoid();
            if (kind != OfferKind.TRANSFER || previousOwner == null || previousOwner.equals(agent.participantId)) {
                return joined;
            }
            return joined.chain(() -> Participant.inChat(chat.id, previousOwner)).chain(old -> old == null
                    || !old.present() ? Uni.createFrom().voidItem()
                    : timeline.participantChange(chat, old, ParticipantChange.TRANSFERRED_AWAY,
                    NoticeTexts.transferred(old.name, agent.name), agent.name).replaceWithVoid());
        });
    }

    private static Participant rejoinOrNew(Participant existing, String chatId, String agentId, String name,
                                           ParticipantRole role, Instant at) {
        if (existing == null) {
            return Participant.joining(chatId, agentId, name, role, at == null ? Instant.now() : at);
        }
        existing.leftAt = null;
        existing.leftSeq = null;
        existing.name = name;
        return existing;
    }

    /**
     * A supervisor barges in: joins the chat openly, like a conference guest (the same notice and
     * {@code chat.participant} CONFERENCE_JOINED, role SUPERVISOR), so the contact sees them and they write to
     * everyone; they leave like a guest. Joining again while in the chat changes nothing.
     */
    public Uni<Void> bargeIn(String chatId, Caller caller) {
        try {
            ChatAccess.requireSupervisor(caller);
        } catch (RuntimeException refused) {
            return Uni.createFrom().failure(refused);
        }
        return tx.commit(() -> Chat.lockForUpdate(chatId).chain(chat -> {
            ChatAccess.requireActive(chat);
            return Participant.inChat(chat.id, caller.id()).chain(existing -> {
                if (existing != null && existing.present()) {
                    return Uni.createFrom().voidItem();
                }
                Participant supervisor = rejoinOrNew(existing, chat.id, caller.id(), caller.name(),
                        ParticipantRole.SUPERVISOR, null);
                return supervisor.persist().chain(() -> timeline.participantChange(chat, supervisor,
                        ParticipantChange.CONFERENCE_JOINED, NoticeTexts.joined(supervisor.name))).replaceWithVoid();
            });
        }));
    }

    /**
     * The caller leaves. The contact leaving ends the chat (abandoned while still waiting); a conference guest leaving
     * does not. The chat's owner finishes or transfers instead.
     */
    public Uni<Void> leave(String chatId, Caller caller) {
        return tx.commit(() -> Chat.lockForUpdate(chatId).chain(chat -> access.inOpenChat(chat, caller)
                .chain(me -> webCalls.endLive(chat, WebCalls.DISCONNECTED, new CallLog.By(me.participantId, me.name,
                        me.role), caller.isContact() ? null : me.participantId).replaceWith(me))
                .chain(me -> {
                    if (caller.isContact()) {
                        EndReason reason = chat.state == ChatState.WAITING ? EndReason.ABANDONED
                                : EndReason.CONTACT_LEFT;
                        return timeline.participantChange(chat, me, ParticipantChange.CONTACT_LEFT,
                                        NoticeTexts.left(me.name))
                                .chain(() -> ending.end(chat, reason, caller.id(), me.name)).replaceWithVoid();
                    }
                    if (caller.id().equals(chat.ownerAgentId)) {
                        throw Problems.conflict("owner-cannot-leave", "Use Finish or Transfer",
                                "You own chat " + chatId + ": finish it or transfer it instead of leaving.");
                    }
                    return timeline.participantChange(chat, me, ParticipantChange.LEFT, NoticeTexts.left(me.name))
                            .replaceWithVoid();
                })));
    }
}
