package io.switchboard.session.chat;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ParticipantRole;
import io.switchboard.kit.problem.Problems;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.ChatMonitor;
import io.switchboard.session.domain.ChatState;
import io.switchboard.session.domain.Participant;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place that decides who may read or act on a chat: a contact token opens its own chat; agents and
 * supervisors open the chats they take or took part in; a supervisor who monitors a chat reads it (and whispers in
 * it) without being part of it. Everyone else gets 403.
 */
@ApplicationScoped
public class ChatAccess {

    /** The caller's participation in the chat, present or past; 403 for anybody else. */
    public Uni<Participant> participation(Chat chat, Caller caller) {
        if (caller.isContact() && !chat.id.equals(caller.chatId())) {
            return Uni.createFrom().failure(notPartOf());
        }
        if (!caller.isContact() && !caller.isAgent()) {
            return Uni.createFrom().failure(notPartOf());
        }
        return Participant.inChat(chat.id, caller.id()).onItem().ifNull().failWith(ChatAccess::notPartOf);
    }

    /**
     * Who may read the chat: its participants as {@link #participation} says, and a supervisor while monitoring it,
     * as an observer (monitoring comes first: it outlasts a barge-in the supervisor left).
     */
    public Uni<Participant> reader(Chat chat, Caller caller) {
        if (caller.role() != ParticipantRole.SUPERVISOR) {
            return participation(chat, caller);
        }
        return ChatMonitor.open(chat.id, caller.id()).chain(monitor -> monitor != null
                ? Uni.createFrom().item(Participant.observer(chat.id, caller.id(), caller.name()))
                : participation(chat, caller));
    }

    /** Who may whisper in an open chat: its present agents and supervisors, and supervisors monitoring it. */
    public Uni<Participant> staffInOpenChat(Chat chat, Caller caller) {
        if (caller.isContact()) {
            return Uni.createFrom().failure(Problems.forbidden("Whispers are for the chat's agents and supervisors."));
        }
        return reader(chat, caller).invoke(p -> {
            requireOpen(chat);
            if (!p.observer) {
                requirePresent(p);
            }
        });
    }

    /** The caller has the supervisor role (monitoring, barge-in). */
    public static void requireSupervisor(Caller caller) {
        if (caller.role() != ParticipantRole.SUPERVISOR) {
            throw Problems.forbidden("Only supervisors monitor and barge in.");
        }
    }

    /** The caller takes part in the chat right now. */
    public Uni<Participant> presentParticipant(Chat chat, Caller caller) {
        return participation(chat, caller).invoke(ChatAccess::requirePresent);
    }

    /**
     * The caller takes part in an open chat. A finished chat is a conflict for anyone who was part of it (even after
     * leaving): the answer that tells a client why nothing more can happen.
     */
    public Uni<Participant> inOpenChat(Chat chat, Caller caller) {
        return participation(chat, caller).invoke(p -> {
            requireOpen(chat);
            requirePresent(p);
        });
    }

    private static void requirePresent(Participant p) {
        if (!p.present()) {
            throw Problems.forbidden("You have left this chat.");
        }
    }

    public static void requireOpen(Chat chat) {
        if (!chat.isOpen()) {
            throw chatFinished(chat);
        }
    }

    public static void requireActive(Chat chat) {
        requireOpen(chat);
        if (chat.state != ChatState.ACTIVE) {
            throw Problems.conflict("chat-not-active", "Chat not active",
                    "Chat " + chat.id + " has no agent yet.");
        }
    }

    public static RuntimeException chatFinished(Chat chat) {
        return Problems.conflict("chat-finished", "Chat finished",
                "Chat " + chat.id + " is " + chat.state.name().toLowerCase() + "; it takes no more actions.");
    }

    public static RuntimeException notPartOf() {
        return Problems.forbidden("You are not part of this chat.");
    }
}
