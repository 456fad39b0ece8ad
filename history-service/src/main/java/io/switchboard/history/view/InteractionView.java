package io.switchboard.history.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An interaction in full, as agents, supervisors and exports see it. */
public record InteractionView(String chatId, InteractionState state, Contact contact, String subject,
                              String language, String queue, List<QueueVisit> queues, Timings timings,
                              Ending ending, List<Participant> participants, List<ConferenceJoin> conferenceJoins,
                              List<Message> messages, List<PushedPage> pushedPages, List<RoutingStep> routing,
                              List<Request> transfers, List<Request> conferences, List<Call> calls, WrapUp wrapUp,
                              Transcript transcript, Workflow workflow, Long lastSeq, Map<String, Object> data,
                              List<DataChange> dataChanges, Survey survey, List<Monitoring> monitoring,
                              List<Receipt> receipts,
                              List<Attachment> attachments) {

    /**
     * A file posted in the chat (a {@code FILE} message at {@code seq}); participants download it from
     * session-service ({@code /api/chats/{chatId}/attachments/{id}}).
     */
    public record Attachment(long seq, UUID id, String name, String contentType, long size, String authorId,
                             String authorName, String authorRole, Instant at) {
    }

    /**
     * The contact's answer to the satisfaction survey ({@code chat.survey.answered}); null when none was given.
     *
     * @param queue  the chat's queue when it ended
     * @param agents the staff who took part, in order of first joining
     */
    public record Survey(int score, String comment, String queue, List<String> agents, Instant answeredAt) {
    }

    /**
     * One key's change of the attached data ({@code chat.data.changed}).
     *
     * @param origin REQUEST, AGENT or INTEGRATION
     * @param value  absent when the key was removed
     */
    public record DataChange(Instant at, String changedBy, String origin, String key, Object value, Object previous) {
    }

    /** @param verified the company's site vouched for the contact (docs/api.md, verified contacts) */
    public record Contact(String contactId, String name, String email, List<String> phoneNumbers, boolean verified) {
    }

    public record QueueVisit(String queue, Instant enteredAt) {
    }

    /**
     * A participant's delivery and read receipts (cumulative: every item up to the seq that they may see).
     *
     * @param firstReadAt when they first read anything of the chat
     * @param deliveredAt when {@code deliveredSeq} was reached; {@code readAt} likewise
     */
    public record Receipt(String participantId, String name, String role, long deliveredSeq, long readSeq,
                          Instant firstReadAt, Instant deliveredAt, Instant readAt) {
    }

    public record Ending(String reason, String endedBy) {
    }

    /**
     * An agent, supervisor or the contact: first join, and the last leave when they are no longer in the chat.
     *
     * @param joinedVia how they first joined (AGENT_JOINED, CONFERENCE_JOINED, CONTACT_JOINED)
     */
    public record Participant(String id, String name, String role, String joinedVia, Instant joinedAt,
                              Instant leftAt) {
    }

    public record ConferenceJoin(long seq, String participantId, String name, String role, Instant at) {
    }

    /** @param whisper written for the chat's agents and supervisors only; the contact never saw it */
    public record Message(long seq, UUID messageId, String authorId, String authorName, String authorRole,
                          String kind, String text, String url, Instant sentAt, boolean whisper) {
    }

    /** A supervisor started or stopped silently monitoring the chat ({@code chat.monitoring}). */
    public record Monitoring(String supervisorId, String supervisorName, boolean started, Instant at) {
    }

    public record PushedPage(long seq, String url, String pushedBy, Instant at) {
    }

    /** A routing decision; {@code requestedBy} is set for transfer and conference offers. */
    public record RoutingStep(String outcome, String queue, String offerId, String agentId, String agentName,
                              String offerKind, String requestId, String requestedBy, String reason, Instant at) {
    }

    /**
     * A transfer or conference request.
     *
     * @param outcome routing's latest decision about it (OFFERED, ACCEPTED, REJECTED, FAILED...), null until one
     */
    public record Request(String requestId, String requestedBy, String targetType, String targetId,
                          String fromQueue, Instant requestedAt, String outcome) {
    }

    /**
     * A call of the chat, web or phone, as its last step left it ({@code chat.call.updated}); a phone call requested
     * before calls were followed (only {@code chat.call.requested}) shows as PHONE / REQUESTED.
     *
     * @param requestId       the call's id (a phone call's request id), kept under its first name
     * @param requestedAt     when the call was placed
     * @param endedBy         who hung up (a participant id for web calls; agent/contact/telephony for phone calls)
     * @param durationSeconds seconds talked once it ended (0 when it never talked); null while it goes on
     */
    public record Call(String requestId, String agentId, String phoneNumber, Instant requestedAt, String channel,
                       String state, String reason, String endedBy, Long durationSeconds, Instant answeredAt,
                       Instant endedAt) {
    }

    public record WrapUp(String agentId, String notes, String dispositionCode, Boolean sendTranscript,
                         String workflowDecision, String workflowQueue, Instant completedAt) {
    }

    /**
     * @param status SENT once any transcript mail went out, else FAILED, else REQUESTED; null when none was asked
     */
    public record Transcript(String status, List<TranscriptEvent> events) {
    }

    /** @param event REQUESTED, SENT or FAILED */
    public record TranscriptEvent(String event, String requestId, String requestedBy, String recipient,
                                  String reason, Integer attempts, Instant at) {
    }

    /**
     * @param status the latest change (QUEUED, STOPPED, CLAIMED, RELEASED, MOVED, COMPLETED, OVERDUE), null if none
     */
    public record Workflow(String status, String itemId, String queue, String outcome, List<WorkflowChange> changes) {
    }

    public record WorkflowChange(String event, String itemId, String queue, String fromQueue, String actor,
                                 String outcome, Instant at) {
    }
}
