package io.switchboard.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every event type with its topic, schema version, body record and producer. The type name is also the topic name
 * (before any deployment prefix). This table is the source of {@code docs/events.schema.json}.
 */
public enum EventType {
    CHAT_REQUESTED("chat.requested", 1, ChatRequested.class, "session-service"),
    CHAT_ROUTED("chat.routed", 1, ChatRouted.class, "routing-service"),
    CHAT_MESSAGE("chat.message", 1, ChatMessage.class, "session-service"),
    CHAT_PARTICIPANT("chat.participant", 1, ChatParticipant.class, "session-service"),
    CHAT_TRANSFER_REQUESTED("chat.transfer.requested", 1, TransferRequested.class, "session-service"),
    CHAT_CONFERENCE_REQUESTED("chat.conference.requested", 1, ConferenceRequested.class, "session-service"),
    CHAT_CALL_REQUESTED("chat.call.requested", 1, CallRequested.class, "session-service"),
    CHAT_ENDED("chat.ended", 1, ChatEnded.class, "session-service"),
    CHAT_COMPLETED("chat.completed", 1, ChatCompleted.class, "session-service"),
    TRANSCRIPT_REQUESTED("transcript.requested", 1, TranscriptRequested.class, "session-service"),
    TRANSCRIPT_SENT("transcript.sent", 1, TranscriptSent.class, "transcript-service"),
    TRANSCRIPT_FAILED("transcript.failed", 1, TranscriptFailed.class, "transcript-service"),
    WORKFLOW_QUEUED("workflow.queued", 1, WorkflowItemEvent.class, "workflow-service"),
    WORKFLOW_STOPPED("workflow.stopped", 1, WorkflowItemEvent.class, "workflow-service"),
    WORKFLOW_CLAIMED("workflow.claimed", 1, WorkflowItemEvent.class, "workflow-service"),
    WORKFLOW_RELEASED("workflow.released", 1, WorkflowItemEvent.class, "workflow-service"),
    WORKFLOW_MOVED("workflow.moved", 1, WorkflowItemEvent.class, "workflow-service"),
    WORKFLOW_COMPLETED("workflow.completed", 1, WorkflowItemEvent.class, "workflow-service"),
    WORKFLOW_OVERDUE("workflow.overdue", 1, WorkflowItemEvent.class, "workflow-service"),
    ROUTING_STATS("routing.stats", 1, QueueStats.class, "routing-service"),
    AGENT_PRESENCE("agent.presence", 1, AgentPresence.class, "session-service"),
    CHAT_DATA_CHANGED("chat.data.changed", 1, ChatDataChanged.class, "session-service"),
    CHAT_SURVEY_ANSWERED("chat.survey.answered", 1, SurveyAnswered.class, "session-service"),
    AGENT_STATE("agent.state", 1, AgentStateChanged.class, "routing-service"),
    CHAT_MONITORING("chat.monitoring", 1, ChatMonitoring.class, "session-service"),
    QUEUE_HOURS("queue.hours", 1, QueueHours.class, "routing-service"),
    CONTACT_MESSAGE_LEFT("contact.message.left", 1, MessageLeft.class, "session-service"),
    CHAT_CALL_UPDATED("chat.call.updated", 1, CallUpdated.class, "session-service"),
    TELEPHONY_CALL_STATUS("telephony.call.status", 1, CallStatus.class, "telephony-adapter"),
    CHAT_RECEIPT_UPDATED("chat.receipt.updated", 1, ReceiptUpdated.class, "session-service");

    private final String topic;
    private final int version;
    private final Class<? extends SwitchboardEvent> payloadType;
    private final String producer;

    EventType(String topic, int version, Class<? extends SwitchboardEvent> payloadType, String producer) {
        this.topic = topic;
        this.version = version;
        this.payloadType = payloadType;
        this.producer = producer;
    }

    public String topic() {
        return topic;
    }

    public int version() {
        return version;
    }

    public Class<? extends SwitchboardEvent> payloadType() {
        return payloadType;
    }

    public String producer() {
        return producer;
    }

    public static Optional<EventType> find(String topic) {
        return Arrays.stream(values()).filter(t -> t.topic.equals(topic)).findFirst();
    }

    public static EventType of(String topic) {
        return find(topic).orElseThrow(() -> new InvalidEventException("unknown event type: " + topic));
    }

    /**
     * The type of a body record. Records shared by several types (workflow changes) must be published with
     * {@link Events#envelope(SwitchboardEvent, EventType, String)} instead.
     */
    public static EventType of(Class<? extends SwitchboardEvent> payloadType) {
        List<EventType> matches = Arrays.stream(values()).filter(t -> t.payloadType == payloadType).toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException(payloadType.getSimpleName() + " is the body of " + matches.size()
                    + " event types; name the type explicitly");
        }
        return matches.get(0);
    }

    /** All topic names, e.g. for creating them up front. */
    public static List<String> topics() {
        return Arrays.stream(values()).map(EventType::topic).toList();
    }
}
