package io.switchboard.session.chat;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.problem.Problems;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.ChatState;
import io.switchboard.session.domain.Participant;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place that decides who may read or act on a chat: a contact token opens its own chat; agents and
 * supervisors open the chats they take or took part in. Everyone else gets 403.
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
