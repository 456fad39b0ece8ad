package io.switchboard.transcript.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One position of a chat's timeline: a message, a pushed page or a notice. */
@Entity
@Table(name = "transcript_line")
public class TranscriptLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "chat_id", nullable = false)
    public String chatId;

    @Column(nullable = false)
    public long seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LineKind kind;

    @Column(name = "author_id")
    public String authorId;

    @Column(name = "author_name")
    public String authorName;

    @Column(name = "author_role")
    public String authorRole;

    public String text;
    public String url;

    @Column(nullable = false)
    public Instant at;

    public static Uni<List<TranscriptLine>> ofChat(String chatId) {
        return find("chatId = ?1 order by seq", chatId).list();
    }
}
