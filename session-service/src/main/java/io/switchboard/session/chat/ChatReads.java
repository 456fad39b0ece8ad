package io.switchboard.session.chat;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.SessionConfig;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.ChatState;
import io.switchboard.session.domain.Participant;
import io.switchboard.session.domain.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What participants read of a chat: the chat itself, its timeline (resume over REST), an agent's open chats. */
@ApplicationScoped
public class ChatReads {

    private final Transactions tx;
    private final ChatAccess access;
    private final int pageMax;

    public ChatReads(Transactions tx, ChatAccess access, SessionConfig config) {
        this.tx = tx;
        this.access = access;
        this.pageMax = config.timelinePageMax();
    }

    /** @param lastSeq the last position the caller can read (for a contact: the last item that is not a whisper) */
    public record ChatWithParticipants(Chat chat, List<Participant> participants, long lastSeq) {
    }

    public record Page(List<TimelineItem> items, long lastSeq) {
    }

    public Uni<ChatWithParticipants> chat(String chatId, Caller caller) {
        return tx.read(() -> Chat.byId(chatId).chain(chat -> access.reader(chat, caller)
                .chain(me -> lastSeq(chat, me))
                .chain(lastSeq -> Participant.of(chatId).map(ps -> new ChatWithParticipants(chat, ps, lastSeq)))));
    }

    /**
     * Items after {@code afterSeq}, in order; a participant who left reads up to their leave notice, a monitoring
     * supervisor reads everything, the contact never reads whispers.
     */
    public Uni<Page> timeline(String chatId, Caller caller, long afterSeq, int limit) {
        if (afterSeq < 0 || limit < 1 || limit > pageMax) {
            return Uni.createFrom().failure(Problems.badRequest(
                    "afterSeq must be 0 or more and limit between 1 and " + pageMax + "."));
        }
        return tx.read(() -> Chat.byId(chatId).chain(chat -> access.reader(chat, caller)
                .chain(me -> lastSeq(chat, me).chain(last -> TimelineEntry.after(chatId, afterSeq, limit)
                        .map(entries -> new Page(entries.stream()
                                .filter(e -> me.receives(e.seq) && (me.seesWhispers() || !e.whisper))
                                .map(TimelineItem::of).toList(),
                                me.leftSeq != null ? Math.min(me.leftSeq, last) : last))))));
    }

    /**
     * The chat's last position for this reader. A contact's is the last item that is not a whisper: a trailing
     * whisper must not show as something more to read (a client reading until it reaches lastSeq would never stop).
     */
    private static Uni<Long> lastSeq(Chat chat, Participant me) {
        return me.seesWhispers() ? Uni.createFrom().item(chat.lastSeq) : TimelineEntry.lastNotWhisper(chat.id);
    }

    /** Chats going on now (waiting or with an agent), oldest first, at most a page: what supervisors may monitor. */
    public Uni<List<Chat>> live() {
        return tx.read(() -> Chat.<Chat>find("state in ?1 order by requestedAt",
                List.of(ChatState.WAITING, ChatState.ACTIVE)).page(0, pageMax).list());
    }

    /** The agent's open work: chats they own that are not done, and conferences they are still in. */
    public Uni<List<Chat>> mine(Caller caller) {
        return tx.read(() -> Chat.<Chat>list("""
                        select c from Chat c where c.state in ?2 and (c.ownerAgentId = ?1 or (c.state = ?3 and exists (
                        select p from Participant p where p.chatId = c.id and p.participantId = ?1 and p.leftAt is null)))
                        order by c.requestedAt""",
                caller.id(), List.of(ChatState.ACTIVE, ChatState.ENDED), ChatState.ACTIVE));
    }
}
