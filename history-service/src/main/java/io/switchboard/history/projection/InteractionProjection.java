package io.switchboard.history.projection;

import static io.switchboard.kit.tx.NativeSql.update;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.CallRequested;
import io.switchboard.events.CallUpdated;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.ChatDataChanged;
import io.switchboard.events.ChatEnded;
import io.switchboard.events.ChatMessage;
import io.switchboard.events.ChatMonitoring;
import io.switchboard.events.ChatParticipant;
import io.switchboard.events.ChatRequested;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.ConferenceRequested;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.MessageKind;
import io.switchboard.events.MessageLeft;
import io.switchboard.events.OfferKind;
import io.switchboard.events.ParticipantChange;
import io.switchboard.events.ParticipantRole;
import io.switchboard.events.ReceiptUpdated;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.events.SurveyAnswered;
import io.switchboard.events.TranscriptFailed;
import io.switchboard.events.TranscriptRequested;
import io.switchboard.events.TranscriptSent;
import io.switchboard.events.TransferRequested;
import io.switchboard.events.WorkflowItemEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies one event (or a poll's chat messages together) to the interaction tables, in the caller's transaction. Every write commutes with the others:
 * rows are keyed by (chat, seq) or by event id and inserted once, first/last timestamps are merged with
 * least/greatest, and one-off facts (request, end, wrap-up) never give way to an older copy. So the final record
 * is the same whatever order the topics deliver in, and a replay from the log gives the same store.
 */
@ApplicationScoped
public class InteractionProjection {

    /** The kind of an interaction that is a message the contact left (a chat has none). */
    public static final String MESSAGE = "MESSAGE";
    private static final String MESSAGE_LEFT = "MESSAGE_LEFT";
    /** A message left is the one item of its interaction's timeline. */
    private static final long MESSAGE_SEQ = 1;

    /**
     * The topics this projection reads; routing.stats and queue.hours (queues), agent.presence and agent.state
     * (agents) are not interactions (agent.state has its own log, {@code AgentStateLog}); telephony.call.status is
     * the telephony adapter's raw answer, which session-service republishes per chat as chat.call.updated.
     */
    public static final List<EventType> TYPES = List.of(EventType.values()).stream()
            .filter(type -> type != EventType.ROUTING_STATS && type != EventType.QUEUE_HOURS
                    && type != EventType.AGENT_PRESENCE && type != EventType.AGENT_STATE
                    && type != EventType.TELEPHONY_CALL_STATUS).toList();

    public Uni<Void> apply(EventEnvelope envelope) {
        EventType type = EventType.of(envelope.type());
        String chatId = envelope.interactionId();
        if (chatId == null || !TYPES.contains(type)) {
            return Uni.createFrom().voidItem();
        }
        return update("insert into interaction(chat_id) values ($1) on conflict do nothing", chatId)
                .chain(() -> applyTo(type, envelope))
                .replaceWithVoid();
    }

    private Uni<?> applyTo(EventType type, EventEnvelope envelope) {
        return switch (type) {
            case CHAT_REQUESTED -> requested(envelope.payload(ChatRequested.class));
            case CHAT_ROUTED -> routed(envelope, envelope.payload(ChatRouted.class));
            case CHAT_MESSAGE -> message(envelope.payload(ChatMessage.class));
            case CHAT_PARTICIPANT -> participant(envelope.payload(ChatParticipant.class));
            case CHAT_TRANSFER_REQUESTED ->
                    record(ActivityEntry.transfer(envelope, envelope.payload(TransferRequested.class)));
            case CHAT_CONFERENCE_REQUESTED ->
                    record(ActivityEntry.conference(envelope, envelope.payload(ConferenceRequested.class)));
            case CHAT_CALL_REQUESTED -> record(ActivityEntry.call(envelope, envelope.payload(CallRequested.class)));
            case CHAT_CALL_UPDATED -> record(ActivityEntry.callUpdated(envelope, envelope.payload(CallUpdated.class)));
            case CHAT_ENDED -> ended(envelope.payload(ChatEnded.class));
            case CHAT_COMPLETED -> completed(envelope.payload(ChatCompleted.class));
            case TRANSCRIPT_REQUESTED ->
                    record(ActivityEntry.transcriptRequested(envelope, envelope.payload(TranscriptRequested.class)));
            case TRANSCRIPT_SENT -> record(ActivityEntry.transcriptSent(envelope, envelope.payload(TranscriptSent.class)));
            case TRANSCRIPT_FAILED ->
                    record(ActivityEntry.transcriptFailed(envelope, envelope.payload(TranscriptFailed.class)));
            case WORKFLOW_QUEUED, WORKFLOW_STOPPED, WORKFLOW_CLAIMED, WORKFLOW_RELEASED, WORKFLOW_MOVED,
                    WORKFLOW_COMPLETED, WORKFLOW_OVERDUE ->
                    record(ActivityEntry.workflow(envelope, envelope.payload(WorkflowItemEvent.class)));
            case CHAT_DATA_CHANGED -> dataChanged(envelope, envelope.payload(ChatDataChanged.class));
            case CHAT_SURVEY_ANSWERED -> surveyAnswered(envelope.payload(SurveyAnswered.class));
            case CHAT_MONITORING -> record(ActivityEntry.monitoring(envelope, envelope.payload(ChatMonitoring.class)));
            case CONTACT_MESSAGE_LEFT -> messageLeft(envelope.payload(MessageLeft.class));
            case CHAT_RECEIPT_UPDATED -> receipt(envelope.payload(ReceiptUpdated.class));
            case ROUTING_STATS, QUEUE_HOURS, AGENT_PRESENCE, AGENT_STATE, TELEPHONY_CALL_STATUS ->
                    Uni.createFrom().voidItem();
        };
    }

    private Uni<?> requested(ChatRequested e) {
        return update("""
                        update interaction set contact_id = $2, contact_name = $3, email = $4, phone_numbers = $5,
                            requested_queue = $6, subject = $7, language = $8, requested_at = $9,
                            contact_verified = $10
                        where chat_id = $1""",
                e.chatId(), e.contactId(), e.contactName(), e.email(),
                e.phoneNumbers() == null ? null : String.join(",", e.phoneNumbers()),
                e.queue(), e.subject(), e.language(), e.requestedAt(), e.contactVerified())
                .chain(() -> visitQueue(e.chatId(), e.queue(), e.requestedAt()))
                .chain(() -> data(e.chatId(), e.data(), e.requestedAt()));
    }

    /**
     * A message the contact left: an interaction of its own (kind MESSAGE), asked and over at once, whose one message
     * is the text; the work item and the acknowledgement come as workflow and transcript events of the same id.
     */
    private Uni<?> messageLeft(MessageLeft e) {
        return update("""
                        update interaction set kind = $2, contact_id = $3, contact_name = $4, email = $5,
                            requested_queue = $6, language = $7, requested_at = $8, contact_verified = $9,
                            ended_at = $8, end_reason = $10
                        where chat_id = $1""",
                e.chatId(), MESSAGE, e.contactId(), e.contactName(), e.email(), e.queue(), e.language(), e.leftAt(),
                e.contactVerified(), MESSAGE_LEFT)
                .chain(() -> visitQueue(e.chatId(), e.queue(), e.leftAt()))
                .chain(() -> update("""
                                insert into interaction_message(chat_id, seq, author_id, author_name, author_role, kind,
                                    text, sent_at)
                                values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing""",
                        e.chatId(), MESSAGE_SEQ, e.contactId(), e.contactName(), ParticipantRole.CONTACT.name(),
                        MessageKind.TEXT.name(), e.text(), e.leftAt()))
                .chain(() -> lastSeq(e.chatId(), MESSAGE_SEQ))
                .chain(() -> data(e.chatId(), e.data(), e.leftAt()));
    }

    private Uni<?> routed(EventEnvelope envelope, ChatRouted e) {
        Uni<?> written = record(ActivityEntry.routed(envelope, e))
                .chain(() -> visitQueue(e.chatId(), e.queue(), e.at()));
        if (e.queue() != null) {
            written = written.chain(() -> update("""
                    update interaction set queue = $2, queue_at = $3
                    where chat_id = $1 and (queue_at is null or queue_at <= $3)""", e.chatId(), e.queue(), e.at()));
        }
        if (e.outcome() == RoutingOutcome.OFFERED) {
            written = written.chain(() -> update("""
                    update interaction set first_offered_at = least(first_offered_at, $2)
                    where chat_id = $1""", e.chatId(), e.at()));
        }
        if (e.outcome() == RoutingOutcome.ACCEPTED && (e.offerKind() == null || e.offerKind() == OfferKind.CHAT)) {
            written = written.chain(() -> accepted(e.chatId(), e.at()));
        }
        return written;
    }

    private Uni<?> message(ChatMessage e) {
        return messages(List.of(e));
    }

    /**
     * A poll's chat messages at once (any number of chats): the interactions created, the messages inserted, each
     * chat's last seq moved on, one statement each for all of them, where three per message were most of the
     * service's database work on the message path (docs/performance.md).
     */
    public Uni<Void> messages(List<ChatMessage> events) {
        int n = events.size();
        String[] chatIds = new String[n];
        Long[] seqs = new Long[n];
        UUID[] messageIds = new UUID[n];
        String[] clientMessageIds = new String[n];
        String[] authorIds = new String[n];
        String[] authorNames = new String[n];
        String[] authorRoles = new String[n];
        String[] kinds = new String[n];
        String[] texts = new String[n];
        String[] urls = new String[n];
        OffsetDateTime[] sentAts = new OffsetDateTime[n];
        Boolean[] whispers = new Boolean[n];
        UUID[] attachmentIds = new UUID[n];
        String[] attachmentTypes = new String[n];
        Long[] attachmentSizes = new Long[n];
        for (int i = 0; i < n; i++) {
            ChatMessage e = events.get(i);
            chatIds[i] = e.chatId();
            seqs[i] = e.seq();
            messageIds[i] = e.messageId();
            clientMessageIds[i] = e.clientMessageId();
            authorIds[i] = e.authorId();
            authorNames[i] = e.authorName();
            authorRoles[i] = e.authorRole() == null ? null : e.authorRole().name();
            kinds[i] = e.kind() == null ? null : e.kind().name();
            texts[i] = e.text();
            urls[i] = e.url();
            sentAts[i] = e.sentAt() == null ? null : e.sentAt().atOffset(ZoneOffset.UTC);
            whispers[i] = ChatMessage.isWhisper(e);
            attachmentIds[i] = e.attachment() == null ? null : e.attachment().id();
            attachmentTypes[i] = e.attachment() == null ? null : e.attachment().contentType();
            attachmentSizes[i] = e.attachment() == null ? null : e.attachment().size();
        }
        return update("insert into interaction(chat_id) select distinct unnest($1::text[]) on conflict do nothing",
                        (Object) chatIds)
                .chain(() -> update("""
                                insert into interaction_message(chat_id, seq, message_id, client_message_id, author_id,
                                    author_name, author_role, kind, text, url, sent_at, whisper, attachment_id,
                                    attachment_type, attachment_size)
                                select * from unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::text[],
                                    $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[],
                                    $12::boolean[], $13::uuid[], $14::text[], $15::bigint[])
                                on conflict do nothing""",
                        chatIds, seqs, messageIds, clientMessageIds, authorIds, authorNames, authorRoles, kinds, texts,
                        urls, sentAts, whispers, attachmentIds, attachmentTypes, attachmentSizes))
                .chain(() -> update("""
                                update interaction i set last_seq = greatest(i.last_seq, m.seq)
                                from (select chat_id, max(seq) as seq from unnest($1::text[], $2::bigint[])
                                      as t(chat_id, seq) group by chat_id) m
                                where i.chat_id = m.chat_id""", chatIds, seqs))
                .replaceWithVoid();
    }

    private Uni<?> participant(ChatParticipant e) {
        Uni<?> written = update("""
                        insert into interaction_participation(chat_id, seq, participant_id, name, role, change, joined, at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing""",
                e.chatId(), e.seq(), e.participantId(), e.name(), e.role(), e.change(), e.joined(), e.at())
                .chain(() -> lastSeq(e.chatId(), e.seq()));
        // The first agent joining is the acceptance, even when routing's own ACCEPTED decision is late or missing.
        return e.change() == ParticipantChange.AGENT_JOINED ? written.chain(() -> accepted(e.chatId(), e.at())) : written;
    }

    private Uni<?> ended(ChatEnded e) {
        return update("""
                        update interaction set ended_at = $2, end_reason = $3, ended_by = $4
                        where chat_id = $1 and (ended_at is null or ended_at <= $2)""",
                e.chatId(), e.endedAt(), e.reason(), e.endedBy())
                .chain(() -> lastSeq(e.chatId(), e.seq()));
    }

    private Uni<?> completed(ChatCompleted e) {
        return update("""
                        update interaction set completed_at = $2, completed_by = $3, notes = $4, disposition_code = $5,
                            send_transcript = $6, workflow_decision = $7, workflow_queue = $8
                        where chat_id = $1 and (completed_at is null or completed_at <= $2)""",
                e.chatId(), e.completedAt(), e.agentId(), e.notes(), e.dispositionCode(), e.sendTranscript(),
                e.workflowDecision(), e.workflowQueue())
                .chain(() -> data(e.chatId(), e.data(), e.completedAt()));
    }

    private Uni<?> dataChanged(EventEnvelope envelope, ChatDataChanged e) {
        return record(ActivityEntry.dataChanged(envelope, e)).chain(() -> data(e.chatId(), e.data(), e.changedAt()));
    }

    /** One answer per chat; should a second copy come, the earlier answer stays (session-service keeps the first). */
    private Uni<?> surveyAnswered(SurveyAnswered e) {
        return update("""
                        update interaction set survey_score = $2, survey_comment = $3, survey_queue = $4,
                            survey_agents = $5, survey_answered_at = $6
                        where chat_id = $1 and (survey_answered_at is null or survey_answered_at > $6)""",
                e.chatId(), e.score(), e.comment(), e.queue(),
                e.agents() == null ? "" : String.join(",", e.agents()), e.answeredAt());
    }

    /**
     * A participant's receipts: the greatest watermarks, each with the earliest time it was reached (an event that
     * moved only the other watermark repeats this one and must not make it later), and the first read.
     */
    private Uni<?> receipt(ReceiptUpdated e) {
        return update("""
                        insert into interaction_receipt(chat_id, participant_id, name, role, delivered_seq, read_seq,
                            first_read_at, delivered_at, read_at)
                        values ($1, $2, $3, $4, $5, $6, case when cast($6 as bigint) > 0 then cast($7 as timestamptz) end,
                            $7, case when cast($6 as bigint) > 0 then cast($7 as timestamptz) end)
                        on conflict (chat_id, participant_id) do update set
                            name = excluded.name, role = excluded.role,
                            delivered_at = case
                                when excluded.delivered_seq > interaction_receipt.delivered_seq then excluded.delivered_at
                                when excluded.delivered_seq = interaction_receipt.delivered_seq
                                    then least(interaction_receipt.delivered_at, excluded.delivered_at)
                                else interaction_receipt.delivered_at end,
                            read_at = case
                                when excluded.read_seq > interaction_receipt.read_seq then excluded.read_at
                                when excluded.read_seq = interaction_receipt.read_seq
                                    then least(interaction_receipt.read_at, excluded.read_at)
                                else interaction_receipt.read_at end,
                            delivered_seq = greatest(interaction_receipt.delivered_seq, excluded.delivered_seq),
                            read_seq = greatest(interaction_receipt.read_seq, excluded.read_seq),
                            first_read_at = least(interaction_receipt.first_read_at, excluded.first_read_at)""",
                e.chatId(), e.participantId(), e.name(), e.role(), e.deliveredSeq(), e.readSeq(), e.at());
    }

    /** The latest values win whatever order they arrive in: the request's, each change's, Mark Done's. */
    private Uni<?> data(String chatId, Map<String, Object> data, Instant at) {
        if (data == null || at == null) {
            return Uni.createFrom().voidItem();
        }
        return update("""
                update interaction set attached_data = $2, attached_data_at = $3
                where chat_id = $1 and (attached_data_at is null or attached_data_at <= $3)""",
                chatId, ActivityEntry.json(data), at);
    }

    private Uni<?> accepted(String chatId, Instant at) {
        return update("update interaction set accepted_at = least(accepted_at, $2) where chat_id = $1", chatId, at);
    }

    private Uni<?> lastSeq(String chatId, long seq) {
        return update("update interaction set last_seq = greatest(last_seq, $2) where chat_id = $1", chatId, seq);
    }

    private Uni<?> visitQueue(String chatId, String queue, Instant at) {
        if (queue == null) {
            return Uni.createFrom().voidItem();
        }
        return update("""
                insert into interaction_queue(chat_id, queue, entered_at) values ($1, $2, $3)
                on conflict (chat_id, queue) do update set entered_at = least(interaction_queue.entered_at, excluded.entered_at)""",
                chatId, queue, at);
    }

    private Uni<?> record(ActivityEntry a) {
        return update("""
                        insert into interaction_activity(event_id, chat_id, type, at, outcome, queue, from_queue,
                            actor_id, actor_name, target_type, target_id, offer_kind, request_id, item_id, detail, attempts)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
                        on conflict do nothing""",
                a.eventId(), a.chatId(), a.type(), a.at(), a.outcome(), a.queue(), a.fromQueue(), a.actorId(),
                a.actorName(), a.targetType(), a.targetId(), a.offerKind(), a.requestId(), a.itemId(), a.detail(),
                a.attempts());
    }
}
