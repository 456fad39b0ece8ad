package io.switchboard.session.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A supervisor silently monitoring a chat, from start to stop; not a participant, so the contact never sees it. */
@Entity
@Table(name = "chat_monitor")
public class ChatMonitor extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "chat_id")
    public String chatId;
    @Column(name = "supervisor_id")
    public String supervisorId;
    @Column(name = "supervisor_name")
    public String supervisorName;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "stopped_at")
    public Instant stoppedAt;

    public static ChatMonitor starting(String chatId, String supervisorId, String supervisorName, Instant at) {
        ChatMonitor m = new ChatMonitor();
        m.chatId = chatId;
        m.supervisorId = supervisorId;
        m.supervisorName = supervisorName;
        m.startedAt = at;
        return m;
    }

    /** The supervisor's monitoring of the chat that has not stopped; null when there is none. */
    public static Uni<ChatMonitor> open(String chatId, String supervisorId) {
        return ChatMonitor.find("chatId = ?1 and supervisorId = ?2 and stoppedAt is null", chatId, supervisorId)
                .firstResult();
    }
}
