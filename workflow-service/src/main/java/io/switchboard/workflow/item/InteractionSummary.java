package io.switchboard.workflow.item;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.ChatRequested;
import io.switchboard.events.Events;
import io.switchboard.events.MessageLeft;
import io.switchboard.kit.tx.NativeSql;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a worker needs to know about a parked interaction. Filled from chat.requested (contact, origin queue,
 * subject) and chat.completed (agent, disposition, notes, attached data), or from contact.message.left (contact,
 * queue, the message, attached data) for a message a contact left; the chat topics are not ordered with each other, so each
 * event upserts only its own columns.
 */
@Entity
@Table(name = "interaction_summary")
public class InteractionSummary extends PanacheEntityBase {

    private static final TypeReference<LinkedHashMap<String, Object>> DATA = new TypeReference<>() {
    };

    @Id
    @Column(name = "chat_id")
    public String chatId;

    @Column(name = "contact_name")
    public String contactName;

    public String email;

    @Column(name = "origin_queue")
    public String originQueue;

    public String subject;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "disposition_code")
    public String dispositionCode;

    @Column(columnDefinition = "text")
    public String notes;

    /** The attached data at Mark Done, a JSON object (null when none): what a worker may need (order number...). */
    @Column(name = "attached_data", columnDefinition = "text")
    public String attachedData;

    /** The text of a message the contact left (contact.message.left); null for a chat. */
    @Column(columnDefinition = "text")
    public String message;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Uni<Void> record(ChatRequested chat) {
        return NativeSql.update("""
                        insert into interaction_summary (chat_id, contact_name, email, origin_queue, subject, updated_at)
                        values ($1, $2, $3, $4, $5, now())
                        on conflict (chat_id) do update set contact_name = excluded.contact_name, email = excluded.email,
                            origin_queue = excluded.origin_queue, subject = excluded.subject, updated_at = now()""",
                chat.chatId(), chat.contactName(), chat.email(), chat.queue(), chat.subject()).replaceWithVoid();
    }

    public static Uni<Void> record(ChatCompleted chat) {
        return NativeSql.update("""
                        insert into interaction_summary (chat_id, agent_id, disposition_code, notes, attached_data,
                            updated_at)
                        values ($1, $2, $3, $4, $5, now())
                        on conflict (chat_id) do update set agent_id = excluded.agent_id,
                            disposition_code = excluded.disposition_code, notes = excluded.notes,
                            attached_data = excluded.attached_data, updated_at = now()""",
                chat.chatId(), chat.agentId(), chat.dispositionCode(), chat.notes(),
                chat.data() == null ? null : write(chat.data())).replaceWithVoid();
    }

    /** A message the contact left: the whole summary at once (nothing else comes about it). */
    public static Uni<Void> record(MessageLeft message) {
        return NativeSql.update("""
                        insert into interaction_summary (chat_id, contact_name, email, origin_queue, message,
                            attached_data, updated_at)
                        values ($1, $2, $3, $4, $5, $6, now())
                        on conflict (chat_id) do update set contact_name = excluded.contact_name,
                            email = excluded.email, origin_queue = excluded.origin_queue, message = excluded.message,
                            attached_data = excluded.attached_data, updated_at = now()""",
                message.chatId(), message.contactName(), message.email(), message.queue(), message.text(),
                message.data() == null ? null : write(message.data())).replaceWithVoid();
    }

    /** The attached data as stored; empty when the chat had none. */
    public Map<String, Object> data() {
        if (attachedData == null) {
            return Map.of();
        }
        try {
            return Events.json().readValue(attachedData, DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attached data of " + chatId + " is not a JSON object", e);
        }
    }

    private static String write(Map<String, Object> data) {
        try {
            return Events.json().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attached data cannot be written as JSON", e);
        }
    }

    /** Forgets summaries of chats that never entered the workflow once they are older than {@code retention}. */
    static Uni<Integer> pruneUnused(Duration retention) {
        return NativeSql.update("""
                        delete from interaction_summary s where s.updated_at < $1
                        and not exists (select 1 from workflow_item i where i.chat_id = s.chat_id)""",
                Instant.now().minus(retention));
    }
}
