package io.switchboard.session.call;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.CallChannel;
import io.switchboard.events.CallState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One call of a chat, web or phone, changed in place as it goes (the call log). Every change is also a CALL notice
 * and a {@code chat.call.updated} event ({@link CallLog}); this row is what a later read and the ring timeout look at.
 */
@Entity
@Table(name = "chat_call")
public class ChatCall extends PanacheEntityBase {

    /** The states in which a web call still holds the chat's one live call. */
    static final List<CallState> LIVE_WEB = List.of(CallState.RINGING, CallState.ANSWERED);

    @Id
    public String id;
    @Column(name = "chat_id")
    public String chatId;
    @Enumerated(EnumType.STRING)
    public CallChannel channel;
    @Enumerated(EnumType.STRING)
    public CallState state;
    @Column(name = "agent_id")
    public String agentId;
    @Column(name = "agent_name")
    public String agentName;
    @Column(name = "phone_number")
    public String phoneNumber;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "ended_by")
    public String endedBy;
    public String reason;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Seconds talked, when the telephony adapter told it; otherwise taken from answeredAt and endedAt. */
    @Column(name = "duration_seconds")
    public Long reportedDurationSeconds;

    /** Seconds from ANSWERED/CONNECTED to the end: 0 when it never talked; null while it goes on. */
    public Long durationSeconds() {
        if (!state.isFinal()) {
            return null;
        }
        if (reportedDurationSeconds != null) {
            return reportedDurationSeconds;
        }
        return answeredAt == null || endedAt == null ? 0L : Duration.between(answeredAt, endedAt).toSeconds();
    }

    public boolean live() {
        return !state.isFinal();
    }

    public static Uni<ChatCall> inChat(String chatId, String callId) {
        return ChatCall.<ChatCall>find("id = ?1 and chatId = ?2", callId, chatId).firstResult();
    }

    public static Uni<List<ChatCall>> ofChat(String chatId) {
        return ChatCall.<ChatCall>list("chatId = ?1 order by createdAt, id", chatId);
    }

    /** The chat's web call that rings or talks, if any (at most one: a unique index sees to it). */
    public static Uni<ChatCall> liveWeb(String chatId) {
        return ChatCall.<ChatCall>find("chatId = ?1 and channel = ?2 and state in ?3", chatId, CallChannel.WEB,
                LIVE_WEB).firstResult();
    }

    /** The live web calls this agent placed, in any chat (their desktop went away). */
    public static Uni<List<ChatCall>> liveWebOf(String agentId) {
        return ChatCall.<ChatCall>list("agentId = ?1 and channel = ?2 and state in ?3", agentId, CallChannel.WEB,
                LIVE_WEB);
    }

    /** Web calls that ring since before {@code since}: nobody answered in time. */
    public static Uni<List<ChatCall>> ringingSince(Instant since, int max) {
        return ChatCall.<ChatCall>find("state = ?1 and channel = ?2 and createdAt < ?3 order by createdAt",
                CallState.RINGING, CallChannel.WEB, since).page(0, max).list();
    }
}
