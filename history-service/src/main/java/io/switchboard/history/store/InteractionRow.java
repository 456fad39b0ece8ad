package io.switchboard.history.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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
    /** When those values were set (an older copy never overwrites them); mapped because searches read {@code i.*}. */
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

    /** The queue the chat was last routed in, or the one it asked for. */
    public String currentQueue() {
        return queue != null ? queue : requestedQueue;
    }
}
