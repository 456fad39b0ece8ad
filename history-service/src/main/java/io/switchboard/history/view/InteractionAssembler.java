package io.switchboard.history.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.switchboard.events.CallChannel;
import io.switchboard.events.CallState;
import io.switchboard.events.ChatDataChanged;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.events.MessageKind;
import io.switchboard.events.ParticipantRole;
import io.switchboard.history.store.ActivityRow;
import io.switchboard.history.store.InteractionRow;
import io.switchboard.history.store.MessageRow;
import io.switchboard.history.store.ParticipationRow;
import io.switchboard.history.store.QueueVisitRow;
import io.switchboard.history.store.ReceiptRow;
import io.switchboard.history.view.InteractionView.Call;
import io.switchboard.history.view.InteractionView.ConferenceJoin;
import io.switchboard.history.view.InteractionView.Contact;
import io.switchboard.history.view.InteractionView.DataChange;
import io.switchboard.history.view.InteractionView.Ending;
import io.switchboard.history.view.InteractionView.Message;
import io.switchboard.history.view.InteractionView.Monitoring;
import io.switchboard.history.view.InteractionView.Participant;
import io.switchboard.history.view.InteractionView.PushedPage;
import io.switchboard.history.view.InteractionView.QueueVisit;
import io.switchboard.history.view.InteractionView.Request;
import io.switchboard.history.view.InteractionView.RoutingStep;
import io.switchboard.history.view.InteractionView.Survey;
import io.switchboard.history.view.InteractionView.Transcript;
import io.switchboard.history.view.InteractionView.TranscriptEvent;
import io.switchboard.history.view.InteractionView.Workflow;
import io.switchboard.history.view.InteractionView.WorkflowChange;
import io.switchboard.history.view.InteractionView.WrapUp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the stored rows of one interaction into its views. Pure: children come sorted (participation and messages
 * by seq, activity by time then event id), so the same rows always give the same view.
 */
final class InteractionAssembler {

    private static final Set<String> STAFF = Set.of(ParticipantRole.AGENT.name(), ParticipantRole.SUPERVISOR.name());
    private static final String CHANGE_CONFERENCE_JOINED = "CONFERENCE_JOINED";
    private static final String TRANSCRIPT_SENT = "SENT";
    private static final String TRANSCRIPT_FAILED = "FAILED";
    private static final String TRANSCRIPT_REQUESTED = "REQUESTED";
    private static final TypeReference<LinkedHashMap<String, Object>> DATA = new TypeReference<>() {
    };
    private static final TypeReference<List<ChatDataChanged.Change>> CHANGES = new TypeReference<>() {
    };

    /** The kind of an interaction that is a chat (the column is null for them). */
    private static final String CHAT = "CHAT";
    /** The order of a call's steps, for two steps stored with the same time. */
    private static final List<String> STEP_ORDER = List.of(CallState.REQUESTED.name(), CallState.RINGING.name(),
            CallState.DIALLING.name(), CallState.ANSWERED.name(), CallState.CONNECTED.name(),
            CallState.DECLINED.name(), CallState.FAILED.name(), CallState.ENDED.name());
    private static final Set<String> FINAL_STATES = Set.of(CallState.DECLINED.name(), CallState.FAILED.name(),
            CallState.ENDED.name());
    private static final Set<String> TALKING_STATES = Set.of(CallState.ANSWERED.name(), CallState.CONNECTED.name());

    private InteractionAssembler() {
    }

    static InteractionSummary summary(InteractionRow row, List<ParticipationRow> participation) {
        return new InteractionSummary(row.chatId, InteractionState.of(row), row.contactId, row.contactName,
                row.currentQueue(), staff(participation), Timings.of(row), row.dispositionCode, row.surveyScore,
                row.kind == null ? CHAT : row.kind);
    }

    static InteractionView view(InteractionRow row, List<QueueVisitRow> queues, List<ParticipationRow> participation,
                                List<MessageRow> messages, List<ActivityRow> activity, List<ReceiptRow> receipts) {
        WrapUp wrapUp = row.completedAt == null ? null : new WrapUp(row.completedBy, row.notes, row.dispositionCode,
                row.sendTranscript, row.workflowDecision, row.workflowQueue, row.completedAt);
        return new InteractionView(row.chatId, InteractionState.of(row),
                new Contact(row.contactId, row.contactName, row.email, phoneNumbers(row.phoneNumbers),
                        row.contactVerified),
                row.subject, row.language, row.currentQueue(),
                queues.stream().map(q -> new QueueVisit(q.queue, q.enteredAt)).toList(),
                Timings.of(row),
                row.endedAt == null ? null : new Ending(row.endReason, row.endedBy),
                participants(participation),
                participation.stream().filter(p -> CHANGE_CONFERENCE_JOINED.equals(p.change))
                        .map(p -> new ConferenceJoin(p.seq, p.participantId, p.name, p.role, p.at)).toList(),
                messages.stream().map(m -> new Message(m.seq, m.messageId, m.authorId, m.authorName, m.authorRole,
                        m.kind, m.text, m.url, m.sentAt, m.whisper)).toList(),
                messages.stream().filter(m -> MessageKind.PAGE_PUSH.name().equals(m.kind))
                        .map(m -> new PushedPage(m.seq, m.url, m.authorId, m.sentAt)).toList(),
                ofType(activity, EventType.CHAT_ROUTED).stream().map(a -> new RoutingStep(a.outcome, a.queue,
                        a.itemId, a.actorId, a.actorName, a.offerKind, a.requestId, a.targetId, a.detail, a.at)).toList(),
                requests(activity, EventType.CHAT_TRANSFER_REQUESTED),
                requests(activity, EventType.CHAT_CONFERENCE_REQUESTED),
                calls(activity),
                wrapUp,
                transcript(row, activity),
                workflow(activity),
                row.lastSeq,
                data(row.attachedData),
                dataChanges(activity),
                survey(row),
                ofType(activity, EventType.CHAT_MONITORING).stream().map(a -> new Monitoring(a.actorId, a.actorName,
                        ActivityRow.MONITORING_STARTED.equals(a.outcome), a.at)).toList(),
                receipts.stream().map(r -> new InteractionView.Receipt(r.participantId, r.name, r.role, r.deliveredSeq,
                        r.readSeq, r.firstReadAt, r.deliveredAt, r.readAt)).toList(),
                messages.stream().filter(m -> m.attachmentId != null)
                        .map(m -> new InteractionView.Attachment(m.seq, m.attachmentId, m.text, m.attachmentType,
                                m.attachmentSize == null ? 0 : m.attachmentSize, m.authorId, m.authorName,
                                m.authorRole, m.sentAt)).toList());
    }

    private static Survey survey(InteractionRow row) {
        if (row.surveyScore == null) {
            return null;
        }
        List<String> agents = row.surveyAgents == null || row.surveyAgents.isEmpty() ? List.of()
                : Arrays.asList(row.surveyAgents.split(","));
        return new Survey(row.surveyScore, row.surveyComment, row.surveyQueue, agents, row.surveyAnsweredAt);
    }

    private static Map<String, Object> data(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return Events.json().readValue(json, DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attached data is not a JSON object", e);
        }
    }

    private static List<DataChange> dataChanges(List<ActivityRow> activity) {
        return ofType(activity, EventType.CHAT_DATA_CHANGED).stream().flatMap(a -> {
            try {
                return Events.json().readValue(a.detail, CHANGES).stream().map(c -> new DataChange(a.at, a.actorId,
                        a.outcome, c.key(), c.value(), c.previous()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored data change is not JSON", e);
            }
        }).toList();
    }

    /** Agents and supervisors who joined, in order of first joining. */
    private static List<String> staff(List<ParticipationRow> participation) {
        return participation.stream().filter(p -> p.joined && STAFF.contains(p.role))
                .map(p -> p.participantId).distinct().toList();
    }

    private static List<Participant> participants(List<ParticipationRow> participation) {
        Map<String, List<ParticipationRow>> byParticipant = new LinkedHashMap<>();
        participation.forEach(p -> byParticipant.computeIfAbsent(p.participantId, id -> new ArrayList<>()).add(p));
        return byParticipant.entrySet().stream().map(entry -> {
            List<ParticipationRow> rows = entry.getValue();
            ParticipationRow last = rows.get(rows.size() - 1);
            ParticipationRow firstJoin = rows.stream().filter(p -> p.joined).findFirst().orElse(null);
            String name = rows.stream().map(p -> p.name).filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
            return new Participant(entry.getKey(), name, last.role,
                    firstJoin == null ? null : firstJoin.change, firstJoin == null ? null : firstJoin.at,
                    last.joined ? null : last.at);
        }).toList();
    }

    private static List<Request> requests(List<ActivityRow> activity, EventType type) {
        List<ActivityRow> decisions = ofType(activity, EventType.CHAT_ROUTED);
        return ofType(activity, type).stream().map(a -> new Request(a.requestId, a.actorId, a.targetType,
                a.targetId, a.fromQueue, a.at, decisions.stream()
                .filter(d -> d.requestId != null && d.requestId.equals(a.requestId))
                .map(d -> d.outcome).reduce((first, later) -> later).orElse(null))).toList();
    }

    private static Transcript transcript(InteractionRow row, List<ActivityRow> activity) {
        List<TranscriptEvent> events = activity.stream().filter(a -> a.type.startsWith("transcript."))
                .map(a -> new TranscriptEvent(suffix(a.type), a.requestId, a.actorId, a.targetId, a.detail,
                        a.attempts, a.at)).toList();
        String status = hasEvent(events, TRANSCRIPT_SENT) ? TRANSCRIPT_SENT
                : hasEvent(events, TRANSCRIPT_FAILED) ? TRANSCRIPT_FAILED
                : hasEvent(events, TRANSCRIPT_REQUESTED) || Boolean.TRUE.equals(row.sendTranscript)
                ? TRANSCRIPT_REQUESTED : null;
        return new Transcript(status, events);
    }

    private static boolean hasEvent(List<TranscriptEvent> events, String event) {
        return events.stream().anyMatch(e -> e.event().equals(event));
    }

    private static Workflow workflow(List<ActivityRow> activity) {
        List<WorkflowChange> changes = activity.stream().filter(a -> a.type.startsWith("workflow."))
                .map(a -> new WorkflowChange(suffix(a.type), a.itemId, a.queue, a.fromQueue, a.actorId, a.outcome,
                        a.at)).toList();
        if (changes.isEmpty()) {
            return new Workflow(null, null, null, null, changes);
        }
        return new Workflow(changes.get(changes.size() - 1).event(),
                lastNonNull(changes.stream().map(WorkflowChange::itemId).toList()),
                lastNonNull(changes.stream().map(WorkflowChange::queue).toList()),
                lastNonNull(changes.stream().map(WorkflowChange::outcome).toList()),
                changes);
    }

    /**
     * Each call once, oldest first: its steps ({@code chat.call.updated}) folded into the last state; a request with
     * no step (older events, before calls were followed) as a phone call REQUESTED.
     */
    static List<Call> calls(List<ActivityRow> activity) {
        Map<String, List<ActivityRow>> steps = new LinkedHashMap<>();
        ofType(activity, EventType.CHAT_CALL_UPDATED).stream()
                .sorted(Comparator.comparing((ActivityRow a) -> a.at).thenComparing(a -> STEP_ORDER.indexOf(a.outcome)))
                .forEach(a -> steps.computeIfAbsent(a.requestId, id -> new ArrayList<>()).add(a));
        List<Call> calls = new ArrayList<>();
        for (List<ActivityRow> call : steps.values()) {
            ActivityRow first = call.get(0);
            ActivityRow last = call.get(call.size() - 1);
            CallDetail detail = callDetail(last.detail);
            boolean ended = FINAL_STATES.contains(last.outcome);
            Instant answeredAt = call.stream().filter(a -> TALKING_STATES.contains(a.outcome)).map(a -> a.at)
                    .findFirst().orElse(null);
            calls.add(new Call(first.requestId, first.actorId, first.targetId, first.at, first.targetType,
                    last.outcome, detail.reason(), detail.endedBy(), ended ? detail.durationSeconds() : null,
                    answeredAt, ended ? last.at : null));
        }
        for (ActivityRow request : ofType(activity, EventType.CHAT_CALL_REQUESTED)) {
            if (!steps.containsKey(request.requestId)) {
                calls.add(new Call(request.requestId, request.actorId, request.targetId, request.at,
                        CallChannel.PHONE.name(), CallState.REQUESTED.name(), null, null, null, null, null));
            }
        }
        calls.sort(Comparator.comparing(Call::requestedAt));
        return calls;
    }

    /** The detail column of a call step (written by the projection's ActivityEntry.callUpdated). */
    private record CallDetail(String reason, String endedBy, Long durationSeconds) {
    }

    private static CallDetail callDetail(String json) {
        try {
            return json == null ? new CallDetail(null, null, null)
                    : Events.json().readValue(json, CallDetail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored call detail is not JSON", e);
        }
    }

    private static List<ActivityRow> ofType(List<ActivityRow> activity, EventType type) {
        return activity.stream().filter(a -> a.type.equals(type.topic())).toList();
    }

    /** {@code workflow.queued} → {@code QUEUED}. */
    private static String suffix(String type) {
        return type.substring(type.indexOf('.') + 1).toUpperCase(Locale.ROOT);
    }

    private static String lastNonNull(List<String> values) {
        return values.stream().filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
    }

    private static List<String> phoneNumbers(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
