package io.switchboard.session.chat;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.CallChannel;
import io.switchboard.events.CallState;
import io.switchboard.events.ChatMessage;
import io.switchboard.events.ChatParticipant;
import io.switchboard.events.EndReason;
import io.switchboard.events.MessageKind;
import io.switchboard.events.ParticipantChange;
import io.switchboard.events.ParticipantRole;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.Notice;
import io.switchboard.session.domain.Participant;
import io.switchboard.session.domain.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Appends messages and notices to a chat's timeline and publishes the matching event in the same transaction.
 * The chat must have been loaded with {@link Chat#lockForUpdate}: positions are then gap-free and in commit order.
 */
@ApplicationScoped
public class Timeline {

    private final EventOutbox outbox;

    public Timeline(EventOutbox outbox) {
        this.outbox = outbox;
    }

    public Uni<TimelineEntry> message(Chat chat, Caller author, String clientMessageId, MessageKind kind, String text,
                                      String url, List<String> phoneNumbers) {
        return message(chat, author, clientMessageId, kind, text, url, phoneNumbers, false);
    }

    /** A whisper: a text for the chat's agents and supervisors only, marked so in the item and in its event. */
    public Uni<TimelineEntry> whisper(Chat chat, Caller author, String clientMessageId, String text) {
        return message(chat, author, clientMessageId, MessageKind.TEXT, text, null, List.of(), true);
    }

    /** A file posted in the chat: a FILE message whose text is the file's name, with the file in its event. */
    public Uni<TimelineEntry> file(Chat chat, Caller author, String clientMessageId, ChatMessage.Attachment file) {
        TimelineEntry e = newMessage(chat, author, clientMessageId, MessageKind.FILE, file.name(), null, List.of(),
                false);
        e.attachmentId = file.id();
        e.attachmentName = file.name();
        e.attachmentType = file.contentType();
        e.attachmentSize = file.size();
        return e.<TimelineEntry>persist().call(() -> outbox.publish(new ChatMessage(chat.id, e.seq, e.messageId,
                e.clientMessageId, e.authorId, e.authorName, e.authorRole, MessageKind.FILE, e.text, null, List.of(),
                e.at, null, file)));
    }

    private Uni<TimelineEntry> message(Chat chat, Caller author, String clientMessageId, MessageKind kind, String text,
                                       String url, List<String> phoneNumbers, boolean whisper) {
        TimelineEntry e = newMessage(chat, author, clientMessageId, kind, text, url, phoneNumbers, whisper);
        return e.<TimelineEntry>persist().call(() -> outbox.publish(new ChatMessage(chat.id, e.seq, e.messageId,
                e.clientMessageId, e.authorId, e.authorName, e.authorRole, kind, text, url, phoneNumbers, e.at,
                whisper ? Boolean.TRUE : null)));
    }

    private static TimelineEntry newMessage(Chat chat, Caller author, String clientMessageId, MessageKind kind,
                                            String text, String url, List<String> phoneNumbers, boolean whisper) {
        TimelineEntry e = entry(chat, TimelineEntry.Kind.MESSAGE);
        e.messageId = UUID.randomUUID();
        e.clientMessageId = clientMessageId;
        e.authorId = author.id();
        e.authorName = author.name();
        e.authorRole = author.role();
        e.messageKind = kind;
        e.text = text;
        e.url = url;
        e.phoneNumberList(phoneNumbers);
        e.whisper = whisper;
        return e;
    }

    /** The event of a message that {@link MessageInsert} wrote, in the same transaction. */
    public Uni<Void> published(String chatId, TimelineItem m) {
        return outbox.publish(new ChatMessage(chatId, m.seq(), m.messageId(), m.clientMessageId(), m.authorId(),
                m.authorName(), m.authorRole(), m.messageKind(), m.text(), m.url(), m.phoneNumbers(), m.at()))
                .replaceWithVoid();
    }

    /** A participant joined or left: a notice for everyone and a {@code chat.participant} event. */
    public Uni<TimelineEntry> participantChange(Chat chat, Participant who, ParticipantChange change, String text) {
        return participantChange(chat, who, change, text, null);
    }

    /** @param targetName TRANSFERRED_AWAY: the agent the chat went to, for front ends that word the notice */
    public Uni<TimelineEntry> participantChange(Chat chat, Participant who, ParticipantChange change, String text,
                                                String targetName) {
        TimelineEntry e = entry(chat, TimelineEntry.Kind.NOTICE);
        e.targetName = targetName;
        boolean joined = change == ParticipantChange.CONTACT_JOINED || change == ParticipantChange.AGENT_JOINED
                || change == ParticipantChange.CONFERENCE_JOINED;
        e.notice = joined ? Notice.JOINED : change == ParticipantChange.TRANSFERRED_AWAY ? Notice.TRANSFERRED
                : Notice.LEFT;
        e.participantId = who.participantId;
        e.authorName = who.name;
        e.authorRole = who.role;
        e.text = text;
        if (!joined) {
            who.leftAt = e.at;
            who.leftSeq = e.seq;
        }
        return e.<TimelineEntry>persist().call(() -> outbox.publish(new ChatParticipant(chat.id, e.seq, joined,
                change, who.participantId, who.name, who.role, e.at)));
    }

    /** The end notice, with why and by whom; the caller publishes {@code chat.ended} with its position. */
    public Uni<TimelineEntry> endNotice(Chat chat, EndReason reason, String byName) {
        TimelineEntry e = entry(chat, TimelineEntry.Kind.NOTICE);
        e.notice = Notice.ENDED;
        e.endReason = reason;
        e.authorName = byName;
        e.text = NoticeTexts.ended(reason, byName);
        return e.persist();
    }

    /**
     * A step of a call, as its CALL notice tells it.
     *
     * @param byId   who made the step happen (the agent starting, the contact answering, who hung up); null for the
     *               system (ring timeout, telephony)
     * @param number PHONE: the number dialled
     */
    public record CallStep(String callId, CallChannel channel, CallState state, String reason, Long durationSeconds,
                           String byId, String byName, ParticipantRole byRole, String number) {
    }

    /**
     * A call changed state: a CALL notice for everyone in the chat, with the call's fields. The caller publishes
     * {@code chat.call.updated} in the same transaction (live sockets read the notice from the database when they
     * get that event).
     */
    public Uni<TimelineEntry> callNotice(Chat chat, CallStep step) {
        TimelineEntry e = entry(chat, TimelineEntry.Kind.NOTICE);
        e.notice = Notice.CALL;
        e.participantId = step.byId();
        e.authorName = step.byName();
        e.authorRole = step.byRole();
        e.text = NoticeTexts.call(step);
        e.callId = step.callId();
        e.callState = step.state();
        e.callChannel = step.channel();
        e.callReason = step.reason();
        e.callDurationSeconds = step.durationSeconds();
        return e.persist();
    }

    private static TimelineEntry entry(Chat chat, TimelineEntry.Kind kind) {
        TimelineEntry e = new TimelineEntry();
        e.chatId = chat.id;
        e.seq = chat.nextSeq();
        e.kind = kind;
        // Microseconds: what PostgreSQL keeps, so the event and a later read of the row agree.
        e.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return e;
    }
}
