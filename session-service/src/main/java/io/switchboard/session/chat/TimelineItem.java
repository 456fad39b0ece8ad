package io.switchboard.session.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.events.CallChannel;
import io.switchboard.events.CallState;
import io.switchboard.events.ChatMessage;
import io.switchboard.events.MessageKind;
import io.switchboard.events.ParticipantRole;
import io.switchboard.session.domain.Notice;
import io.switchboard.session.domain.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A timeline item as clients see it (REST timeline and the WebSocket {@code item} frame). Message fields are set
 * for {@code MESSAGE}, notice fields for {@code NOTICE}. {@code whisper} is true on whispers (never sent to a contact)
 * and absent otherwise. A {@code CALL} notice also carries its call's id, the state reached, the channel, the reason
 * (declined, ended, failed) and, once ended, the seconds talked. An {@code ENDED} notice carries in {@code reason}
 * why the chat ended ({@code EndReason}) and in {@code name} who ended it; a {@code TRANSFERRED} notice in
 * {@code toName} the agent the chat went to. A {@code FILE} message carries its {@code attachment} (id, name, type,
 * size), downloaded from {@code /api/chats/{chatId}/attachments/{id}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineItem(long seq, TimelineEntry.Kind kind, Instant at,
                           UUID messageId, String clientMessageId, String authorId, String authorName,
                           ParticipantRole authorRole, MessageKind messageKind, String text, String url,
                           List<String> phoneNumbers,
                           Notice notice, String participantId, String name, ParticipantRole role,
                           Boolean whisper, String callId, CallState callState, CallChannel channel,
                           String reason, Long durationSeconds, String toName, ChatMessage.Attachment attachment) {

    /** A message or a notice without call fields. */
    public TimelineItem(long seq, TimelineEntry.Kind kind, Instant at, UUID messageId, String clientMessageId,
                        String authorId, String authorName, ParticipantRole authorRole, MessageKind messageKind,
                        String text, String url, List<String> phoneNumbers, Notice notice, String participantId,
                        String name, ParticipantRole role, Boolean whisper) {
        this(seq, kind, at, messageId, clientMessageId, authorId, authorName, authorRole, messageKind, text, url,
                phoneNumbers, notice, participantId, name, role, whisper, null, null, null, null, null, null, null);
    }

    /** A notice with call fields or end details, without an attachment. */
    public TimelineItem(long seq, TimelineEntry.Kind kind, Instant at, UUID messageId, String clientMessageId,
                        String authorId, String authorName, ParticipantRole authorRole, MessageKind messageKind,
                        String text, String url, List<String> phoneNumbers, Notice notice, String participantId,
                        String name, ParticipantRole role, Boolean whisper, String callId, CallState callState,
                        CallChannel channel, String reason, Long durationSeconds, String toName) {
        this(seq, kind, at, messageId, clientMessageId, authorId, authorName, authorRole, messageKind, text, url,
                phoneNumbers, notice, participantId, name, role, whisper, callId, callState, channel, reason,
                durationSeconds, toName, null);
    }

    /** Whether only the chat's staff may see it. */
    public static boolean isWhisper(TimelineItem item) {
        return Boolean.TRUE.equals(item.whisper());
    }

    private static ChatMessage.Attachment attachment(TimelineEntry e) {
        return e.attachmentId == null ? null : new ChatMessage.Attachment(e.attachmentId, e.attachmentName,
                e.attachmentType, e.attachmentSize == null ? 0 : e.attachmentSize);
    }

    public static TimelineItem of(TimelineEntry e) {
        if (e.kind == TimelineEntry.Kind.MESSAGE) {
            return new TimelineItem(e.seq, e.kind, e.at, e.messageId, e.clientMessageId, e.authorId, e.authorName,
                    e.authorRole, e.messageKind, e.text, e.url, e.phoneNumberList(), null, null, null, null,
                    e.whisper ? Boolean.TRUE : null, null, null, null, null, null, null, attachment(e));
        }
        return new TimelineItem(e.seq, e.kind, e.at, null, null, null, null, null, null, e.text, null, null,
                e.notice, e.participantId, e.authorName, e.authorRole, null, e.callId, e.callState, e.callChannel,
                e.endReason != null ? e.endReason.name() : e.callReason, e.callDurationSeconds, e.targetName);
    }
}
