package io.switchboard.session.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ParticipantRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.List;

/** Someone who takes or took part in a chat: the contact, agents, conference guests. */
@Entity
@Table(name = "chat_participant")
public class Participant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "chat_id")
    public String chatId;
    @Column(name = "participant_id")
    public String participantId;
    public String name;
    @Enumerated(EnumType.STRING)
    public ParticipantRole role;
    @Column(name = "joined_at")
    public Instant joinedAt;
    @Column(name = "left_at")
    public Instant leftAt;
    @Column(name = "left_seq")
    public Long leftSeq;
    /**
     * Receipts: the highest seq the participant's client received, and the highest it showed. Only the receipts'
     * own statement writes them (it keeps the greatest): an entity flushed for another change (a leave) must not write
     * back the values it loaded over a receipt committed meanwhile.
     */
    @Column(name = "delivered_seq", updatable = false)
    public long deliveredSeq;
    @Column(name = "read_seq", updatable = false)
    public long readSeq;
    /** A supervisor monitoring the chat: reads it like a participant but is none (never stored, never listed). */
    @Transient
    public boolean observer;

    public boolean present() {
        return leftAt == null;
    }

    /** Whether live delivery of the item at {@code seq} reaches this participant (up to their own leave notice). */
    public boolean receives(long seq) {
        return leftSeq == null || seq <= leftSeq;
    }

    public static Participant joining(String chatId, String participantId, String name, ParticipantRole role,
                                      Instant at) {
        Participant p = new Participant();
        p.chatId = chatId;
        p.participantId = participantId;
        p.name = name;
        p.role = role;
        p.joinedAt = at;
        return p;
    }

    /** Whispers are for the chat's staff: everyone but the contact. */
    public boolean seesWhispers() {
        return role != ParticipantRole.CONTACT;
    }

    /** A monitoring supervisor, as reads and live delivery see them; not persisted. */
    public static Participant observer(String chatId, String supervisorId, String name) {
        Participant p = joining(chatId, supervisorId, name, ParticipantRole.SUPERVISOR, null);
        p.observer = true;
        return p;
    }

    public static Uni<List<Participant>> of(String chatId) {
        return Participant.list("chatId = ?1 order by id", chatId);
    }

    public static Uni<Participant> inChat(String chatId, String participantId) {
        return Participant.find("chatId = ?1 and participantId = ?2", chatId, participantId).firstResult();
    }
}
