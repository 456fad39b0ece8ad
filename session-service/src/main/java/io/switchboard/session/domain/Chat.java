package io.switchboard.session.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.EndReason;
import io.switchboard.events.Events;
import io.switchboard.events.WorkflowDecision;
import io.switchboard.kit.problem.Problems;
import io.switchboard.session.text.PhoneRegions;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One chat (interaction) with its contact, its timeline position and its wrap-up. */
@Entity
@Table(name = "chat")
public class Chat extends PanacheEntityBase {

    private static final String NUMBER_SEPARATOR = ",";
    private static final String EMPTY_DATA = "{}";
    private static final TypeReference<LinkedHashMap<String, Object>> DATA_TYPE = new TypeReference<>() {
    };

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
    /** The attached data as a JSON object (see {@link io.switchboard.session.data.AttachedData}). */
    @Column(name = "attached_data")
    public String attachedData = EMPTY_DATA;

    public List<String> phoneNumberList() {
        return numbers(phoneNumbers);
    }

    /** The numbers of a {@code phone_numbers} column. */
    public static List<String> numbers(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(NUMBER_SEPARATOR));
    }

    public void phoneNumberList(List<String> numbers) {
        phoneNumbers = String.join(NUMBER_SEPARATOR, numbers);
    }

    /** What tells the country of numbers written in this chat without a country code. */
    public PhoneRegions.Hints phoneHints() {
        return new PhoneRegions.Hints(phoneNumberList(), language, queue);
    }

    /** The attached data, in the order the keys were first given. */
    public Map<String, Object> data() {
        try {
            return attachedData == null ? new LinkedHashMap<>() : Events.json().readValue(attachedData, DATA_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attached data of chat " + id + " is not a JSON object", e);
        }
    }

    public void data(Map<String, Object> data) {
        try {
            attachedData = Events.json().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attached data cannot be written as JSON", e);
        }
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
