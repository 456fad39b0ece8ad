package io.switchboard.session.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.EndReason;
import io.switchboard.events.WorkflowDecision;
import io.switchboard.kit.problem.Problems;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One chat (interaction) with its contact, its timeline position and its wrap-up. */
@Entity
@Table(name = "chat")
public class Chat extends PanacheEntityBase {

    private static final String NUMBER_SEPARATOR = ",";

    @Id
    public String id;
    @Enumerated(EnumType.STRING)
    public ChatState state;
    @Column(name = "contact_id")
    public String contactId;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "phone_numbers")
    public String phoneNumbers;
    public String queue;
    public String subject;
    public String language;
    /** The agent who owns the chat: accepted it, or received it by transfer; does the wrap-up. */
    @Column(name = "owner_agent_id")
    public String ownerAgentId;
    @Column(name = "last_seq")
    public long lastSeq;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;
    public String notes;
    @Column(name = "send_transcript")
    public boolean sendTranscript;
    @Column(name = "disposition_code")
    public String dispositionCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "workflow_decision")
    public WorkflowDecision workflowDecision;
    @Column(name = "workflow_queue")
    public String workflowQueue;
    @Column(name = "done_at")
    public Instant doneAt;

    public List<String> phoneNumberList() {
        return phoneNumbers == null || phoneNumbers.isEmpty() ? List.of()
                : Arrays.asList(phoneNumbers.split(NUMBER_SEPARATOR));
    }

    public void phoneNumberList(List<String> numbers) {
        phoneNumbers = String.join(NUMBER_SEPARATOR, numbers);
    }

    public boolean isOpen() {
        return state == ChatState.WAITING || state == ChatState.ACTIVE;
    }

    /** The next position of the timeline; call only on a chat loaded with {@link #lockForUpdate}. */
    public long nextSeq() {
        return ++lastSeq;
    }

    public static Uni<Chat> byId(String chatId) {
        return Chat.<Chat>findById(chatId).onItem().ifNull().failWith(() -> Problems.notFound("Chat", chatId));
    }

    /** Loads the chat with a row lock held until commit: timeline positions and state changes are serialised. */
    public static Uni<Chat> lockForUpdate(String chatId) {
        return Chat.<Chat>findById(chatId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> Problems.notFound("Chat", chatId));
    }
}
