package io.switchboard.transcript.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Someone who took part in a chat; only they (and supervisors) may read its transcript. */
@Entity
@Table(name = "transcript_participant")
public class TranscriptParticipant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "chat_id", nullable = false)
    public String chatId;

    @Column(name = "participant_id", nullable = false)
    public String participantId;

    public String name;
    public String role;

    public static Uni<Boolean> tookPart(String chatId, String participantId) {
        return count("chatId = ?1 and participantId = ?2", chatId, participantId).map(n -> n > 0);
    }
}
