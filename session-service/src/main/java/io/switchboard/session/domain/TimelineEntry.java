package io.switchboard.session.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.CallChannel;
import io.switchboard.events.CallState;
import io.switchboard.events.MessageKind;
import io.switchboard.events.ParticipantRole;
import io.switchboard.events.EndReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A message or a notice at one position of a chat's timeline. */
@Entity
@Table(name = "timeline_item")
public class TimelineEntry extends PanacheEntityBase {

    private static final String NUMBER_SEPARATOR = ",";

    public enum Kind { MESSAGE, NOTICE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "chat_id")
    public String chatId;
    public long seq;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public Instant at;
    @Column(name = "message_id")
    public UUID messageId;
    @Column(name = "client_message_id")
    public String clientMessageId;
    @Column(name = "author_id")
    public String authorId;
    @Column(name = "author_name")
    public String authorName;
    @Enumerated(EnumType.STRING)
    @Column(name = "author_role")
    public ParticipantRole authorRole;
    @Enumerated(EnumType.STRING)
    @Column(name = "message_kind")
    public MessageKind messageKind;
    public String text;
    public String url;
    @Column(name = "phone_numbers")
    public String phoneNumbers;
    @Enumerated(EnumType.STRING)
    public Notice notice;
    @Column(name = "participant_id")
    public String participantId;
    /** For the chat's agents and supervisors only, never for the contact. */
    public boolean whisper;
    /** CALL notices: the call and the step it reached, so that front ends can word it in their language. */
    @Column(name = "call_id")
    public String callId;
    @Enumerated(EnumType.STRING)
    @Column(name = "call_state")
    public CallState callState;
    @Enumerated(EnumType.STRING)
    @Column(name = "call_channel")
    public CallChannel callChannel;
    @Column(name = "call_reason")
    public String callReason;
    @Column(name = "call_duration_seconds")
    public Long callDurationSeconds;
    /** ENDED notices: why the chat ended. */
    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;
    /** TRANSFERRED notices: the agent the chat went to. */
    @Column(name = "target_name")
    public String targetName;
    /** FILE messages: the file (its row in {@code attachment}) and what clients show of it. */
    @Column(name = "attachment_id")
    public UUID attachmentId;
    @Column(name = "attachment_name")
    public String attachmentName;
    @Column(name = "attachment_type")
    public String attachmentType;
    @Column(name = "attachment_size")
    public Long attachmentSize;

    public List<String> phoneNumberList() {
        return phoneNumbers == null || phoneNumbers.isEmpty() ? List.of()
                : Arrays.asList(phoneNumbers.split(NUMBER_SEPARATOR));
    }

    public void phoneNumberList(List<String> numbers) {
        phoneNumbers = String.join(NUMBER_SEPARATOR, numbers);
    }

    public static Uni<List<TimelineEntry>> after(String chatId, long afterSeq, int limit) {
        return TimelineEntry.<TimelineEntry>find("chatId = ?1 and seq > ?2 order by seq", chatId, afterSeq)
                .page(0, limit).list();
    }

    /** The seq of the chat's last item that is not a whisper (0 when none). */
    public static Uni<Long> lastNotWhisper(String chatId) {
        return TimelineEntry.<TimelineEntry>find("chatId = ?1 and whisper = false order by seq desc", chatId)
                .firstResult().map(e -> e == null ? 0L : e.seq);
    }

    /** The message that posted a file. */
    public static Uni<TimelineEntry> ofAttachment(UUID attachmentId) {
        return TimelineEntry.find("attachmentId", attachmentId).firstResult();
    }

    public static Uni<TimelineEntry> sentBefore(String chatId, String authorId, String clientMessageId) {
        return TimelineEntry.find("chatId = ?1 and authorId = ?2 and clientMessageId = ?3",
                chatId, authorId, clientMessageId).firstResult();
    }
}
