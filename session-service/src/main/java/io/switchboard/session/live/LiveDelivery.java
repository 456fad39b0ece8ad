package io.switchboard.session.live;

import io.smallrye.mutiny.Uni;
import io.switchboard.session.chat.TimelineItem;
import io.switchboard.session.chat.Transactions;
import io.switchboard.session.config.SessionConfig;
import io.switchboard.session.domain.Participant;
import io.switchboard.session.domain.TimelineEntry;
import io.switchboard.session.ws.Frames;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.function.Predicate;

/**
 * Brings the sockets open on this instance up to date with a chat. The timeline is always read from the database,
 * so a socket gets every item in order, once, whether it arrives by resume or by a live event from any instance.
 */
@ApplicationScoped
public class LiveDelivery {

    private final LocalSockets sockets;
    private final Transactions tx;
    private final int pageMax;

    public LiveDelivery(LocalSockets sockets, Transactions tx, SessionConfig config) {
        this.sockets = sockets;
        this.tx = tx;
        this.pageMax = config.timelinePageMax();
    }

    private record Recipient(SocketSession session, Participant participant, ChatFeed feed) {
    }

    /** Items up to {@code seq} were committed in the chat: deliver them to its participants connected here. */
    public Uni<Void> itemsCommitted(String chatId, long seq) {
        if (sockets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.read(() -> Participant.of(chatId)).chain(participants -> {
            List<Recipient> recipients = recipients(chatId, participants, p -> p.receives(seq)).stream()
                    .filter(r -> r.feed() != null && r.feed().lastSent() < seq).toList();
            if (recipients.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            long from = recipients.stream().mapToLong(r -> r.feed().lastSent()).min().orElseThrow();
            return catchUp(chatId, from, recipients);
        });
    }

    /**
     * The client has everything up to {@code afterSeq}: send the rest, then live items. Items of a chat reach a
     * socket only after it resumed that chat, so they always arrive in order.
     */
    public Uni<Void> resume(SocketSession session, Participant participation, String chatId, long afterSeq) {
        ChatFeed feed = session.resume(chatId, afterSeq);
        return catchUp(chatId, afterSeq, List.of(new Recipient(session, participation, feed)));
    }

    /** A frame for every socket of the chat's present participants, except the sender's own. */
    public Uni<Void> toPresent(String chatId, String exceptParticipantId, Object frame) {
        if (sockets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.read(() -> Participant.of(chatId)).invoke(participants -> recipients(chatId, participants,
                p -> p.present() && !p.participantId.equals(exceptParticipantId))
                .forEach(r -> r.session().send(frame))).replaceWithVoid();
    }

    /** A frame for the sockets of one participant (an agent's offers, the contact's queue position). */
    public void toParticipant(String participantId, Object frame) {
        sockets.ofParticipant(participantId).forEach(s -> s.send(frame));
    }

    private Uni<Void> catchUp(String chatId, long from, List<Recipient> recipients) {
        return tx.read(() -> TimelineEntry.after(chatId, from, pageMax)).chain(entries -> {
            if (entries.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<TimelineItem> run = entries.stream().map(TimelineItem::of).toList();
            recipients.forEach(r -> r.feed().offer(run, r.participant()::receives,
                    item -> r.session().send(new Frames.Item(chatId, item))));
            return entries.size() < pageMax ? Uni.createFrom().voidItem()
                    : catchUp(chatId, entries.get(entries.size() - 1).seq, recipients);
        });
    }

    private List<Recipient> recipients(String chatId, List<Participant> participants,
                                       Predicate<Participant> included) {
        return participants.stream().filter(included)
                .flatMap(p -> sockets.ofParticipant(p.participantId).stream()
                        .map(s -> new Recipient(s, p, s.feed(chatId))))
                .toList();
    }
}
