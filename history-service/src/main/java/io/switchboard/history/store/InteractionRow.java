package io.switchboard.history.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.switchboard.kit.tx.NativeSql;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** The scalar facts of one interaction (chat); read side of the projection, written by native upserts. */
@Entity
@Table(name = "interaction")
public class InteractionRow extends PanacheEntityBase {

    @Id
    @Column(name = "chat_id")
    public String chatId;
    @Column(name = "contact_id")
    public String contactId;
    @Column(name = "contact_name")
    public String contactName;
    /** The company's site vouched for the contact: only then does contactId stand for one person across chats. */
    @Column(name = "contact_verified")
    public boolean contactVerified;
    public String email;
    @Column(name = "phone_numbers")
    public String phoneNumbers;
    @Column(name = "requested_queue")
    public String requestedQueue;
    public String subject;
    public String language;
    @Column(name = "requested_at")
    public Instant requestedAt;
    public String queue;
    @Column(name = "queue_at")
    public Instant queueAt;
    @Column(name = "first_offered_at")
    public Instant firstOfferedAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "ended_by")
    public String endedBy;
    @Column(name = "last_seq")
    public Long lastSeq;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "completed_by")
    public String completedBy;
    public String notes;
    @Column(name = "disposition_code")
    public String dispositionCode;
    @Column(name = "send_transcript")
    public Boolean sendTranscript;
    @Column(name = "workflow_decision")
    public String workflowDecision;
    @Column(name = "workflow_queue")
    public String workflowQueue;
    /** The chat's attached data (latest values) as a JSON object; null when it never had any. */
    @Column(name = "attached_data")
    public String attachedData;
    /** When those values were set (an older copy never overwrites them); mapped because searches read every column. */
    @Column(name = "attached_data_at")
    public Instant attachedDataAt;

    /** MESSAGE for a message the contact left (contact.message.left); null for a chat. */
    public String kind;

    /** The contact's satisfaction survey answer (1-5), null when none was given. */
    @Column(name = "survey_score")
    public Integer surveyScore;
    @Column(name = "survey_comment")
    public String surveyComment;
    /** The chat's queue when the survey was answered (the event's). */
    @Column(name = "survey_queue")
    public String surveyQueue;
    /** The staff who took part, as the survey event named them, comma separated. */
    @Column(name = "survey_agents")
    public String surveyAgents;
    @Column(name = "survey_answered_at")
    public Instant surveyAnsweredAt;

    /** Every column, in the order {@link #of} reads them: for native selects (searches), which map rows by hand. */
    public static final List<String> COLUMNS = List.of("chat_id", "contact_id", "contact_name", "contact_verified",
            "email", "phone_numbers", "requested_queue", "subject", "language", "requested_at", "queue", "queue_at",
            "first_offered_at", "accepted_at", "ended_at", "end_reason", "ended_by", "last_seq", "completed_at",
            "completed_by", "notes", "disposition_code", "send_transcript", "workflow_decision", "workflow_queue",
            "attached_data", "attached_data_at", "kind", "survey_score", "survey_comment", "survey_queue",
            "survey_agents", "survey_answered_at");

    /** A row of {@link #COLUMNS} as the PostgreSQL client returns it ({@code NativeSql.rows}); not managed. */
    public static InteractionRow of(Object[] row) {
        InteractionRow r = new InteractionRow();
        int i = 0;
        r.chatId = (String) row[i++];
        r.contactId = (String) row[i++];
        r.contactName = (String) row[i++];
        r.contactVerified = (Boolean) row[i++];
        r.email = (String) row[i++];
        r.phoneNumbers = (String) row[i++];
        r.requestedQueue = (String) row[i++];
        r.subject = (String) row[i++];
        r.language = (String) row[i++];
        r.requestedAt = NativeSql.instant(row[i++]);
        r.queue = (String) row[i++];
        r.queueAt = NativeSql.instant(row[i++]);
        r.firstOfferedAt = NativeSql.instant(row[i++]);
        r.acceptedAt = NativeSql.instant(row[i++]);
        r.endedAt = NativeSql.instant(row[i++]);
        r.endReason = (String) row[i++];
        r.endedBy = (String) row[i++];
        r.lastSeq = (Long) row[i++];
        r.completedAt = NativeSql.instant(row[i++]);
        r.completedBy = (String) row[i++];
        r.notes = (String) row[i++];
        r.dispositionCode = (String) row[i++];
        r.sendTranscript = (Boolean) row[i++];
        r.workflowDecision = (String) row[i++];
        r.workflowQueue = (String) row[i++];
        r.attachedData = (String) row[i++];
        r.attachedDataAt = NativeSql.instant(row[i++]);
        r.kind = (String) row[i++];
        r.surveyScore = (Integer) row[i++];
        r.surveyComment = (String) row[i++];
        r.surveyQueue = (String) row[i++];
        r.surveyAgents = (String) row[i++];
        r.surveyAnsweredAt = NativeSql.instant(row[i]);
        return r;
    }

    /** The queue the chat was last routed in, or the one it asked for. */
    public String currentQueue() {
        return queue != null ? queue : requestedQueue;
    }
}
