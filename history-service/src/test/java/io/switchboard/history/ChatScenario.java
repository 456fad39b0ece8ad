package io.switchboard.history;

import io.switchboard.events.CallRequested;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.ChatDataChanged;
import io.switchboard.events.ChatEnded;
import io.switchboard.events.ChatMessage;
import io.switchboard.events.ChatParticipant;
import io.switchboard.events.ChatRequested;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.ConferenceRequested;
import io.switchboard.events.DataOrigin;
import io.switchboard.events.EndReason;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.events.MessageKind;
import io.switchboard.events.OfferKind;
import io.switchboard.events.ParticipantChange;
import io.switchboard.events.ParticipantRole;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.events.SurveyAnswered;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.TargetType;
import io.switchboard.events.TranscriptSent;
import io.switchboard.events.TransferRequested;
import io.switchboard.events.WorkflowDecision;
import io.switchboard.events.WorkflowItemEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events of one complete chat, as the real producers publish them: requested, queued, offered, accepted, messages,
 * a pushed page, a transfer to a second agent, a supervisor's conference join and leave, a call, end, Mark Done,
 * the contact's satisfaction survey, transcript sent and workflow queued. Times are {@code start} + a fixed number of
 * seconds, so wait = 10 s and handle = 120 s.
 */
public final class ChatScenario {

    public static final long WAIT_SECONDS = 10;
    public static final long HANDLE_SECONDS = 120;
    public static final String SUPERVISOR = "supervisor1";
    public static final String PAGE_URL = "https://help.example.com/tracking";
    public static final String PHONE = "+33612345678";

    public final String chatId = UUID.randomUUID().toString();
    /** Ids that are not the chat id (messages, requests) derive from this, so two scenarios can be identical. */
    public String seed = UUID.randomUUID().toString();
    public String contactId = "contact-" + UUID.randomUUID();
    /** Whether the company's site vouched for the contact (only then are its chats linked for agents). */
    public boolean contactVerified = true;
    public String contactName = "Dana Smith";
    public String queue = "support";
    public String transferQueue = "billing";
    public String agent = "agent1";
    public String secondAgent = "agent2";
    public String firstWords = "Hello, my parcel never arrived";
    public String disposition = "RESOLVED";
    public String notes = "Refund issued";
    public Instant start = Instant.parse("2031-03-04T09:00:00Z");
    /** Attached data given with the request (null: none); the second agent later changes the order number. */
    public Map<String, Object> data = new LinkedHashMap<>(Map.of("orderNumber", "A-1001"));
    public static final String NEW_ORDER_NUMBER = "A-1002";
    /** The contact's satisfaction survey, answered after Mark Done (null score: not answered). */
    public Integer surveyScore = 4;
    public String surveyComment = "Quick refund, thank you";

    public ChatScenario with(java.util.function.Consumer<ChatScenario> change) {
        change.accept(this);
        return this;
    }

    public Instant at(long seconds) {
        return start.plusSeconds(seconds);
    }

    /** In the order the producers publish them. */
    public List<EventEnvelope> envelopes() {
        List<EventEnvelope> events = new ArrayList<>();
        events.add(session(new ChatRequested(chatId, contactId, contactName, "dana@example.com", List.of(PHONE),
                queue, "Parcel", "en", at(0), contactVerified, data)));
        if (data != null) {
            events.add(session(new ChatDataChanged(chatId, data, data.entrySet().stream()
                    .map(e -> new ChatDataChanged.Change(e.getKey(), e.getValue(), null)).toList(),
                    "contact:" + chatId, DataOrigin.REQUEST, at(0))));
        }
        events.add(session(participant(1, true, ParticipantChange.CONTACT_JOINED, "contact:" + chatId, contactName,
                ParticipantRole.CONTACT, 0)));
        events.add(routing(routed(RoutingOutcome.QUEUED, queue, null, null, null, 1)));
        events.add(routing(routed(RoutingOutcome.OFFERED, queue, agent, OfferKind.CHAT, null, 5)));
        events.add(routing(routed(RoutingOutcome.ACCEPTED, queue, agent, OfferKind.CHAT, null, WAIT_SECONDS)));
        events.add(session(participant(2, true, ParticipantChange.AGENT_JOINED, agent, "Alice Martin",
                ParticipantRole.AGENT, WAIT_SECONDS)));
        events.add(session(message(3, "contact:" + chatId, contactName, ParticipantRole.CONTACT, MessageKind.TEXT,
                firstWords, null, 15)));
        events.add(session(message(4, agent, "Alice Martin", ParticipantRole.AGENT, MessageKind.TEXT,
                "Let me check the tracking number", null, 20)));
        events.add(session(message(5, agent, "Alice Martin", ParticipantRole.AGENT, MessageKind.PAGE_PUSH,
                "Tracking help", PAGE_URL, 25)));
        events.add(session(new TransferRequested(chatId, id("transfer"), agent, TargetType.QUEUE, transferQueue,
                queue, at(30))));
        events.add(routing(routed(RoutingOutcome.OFFERED, transferQueue, secondAgent, OfferKind.TRANSFER,
                id("transfer"), 35)));
        events.add(routing(routed(RoutingOutcome.ACCEPTED, transferQueue, secondAgent, OfferKind.TRANSFER,
                id("transfer"), 40)));
        events.add(session(participant(6, true, ParticipantChange.AGENT_JOINED, secondAgent, "Bruno Costa",
                ParticipantRole.AGENT, 40)));
        events.add(session(participant(7, false, ParticipantChange.TRANSFERRED_AWAY, agent, "Alice Martin",
                ParticipantRole.AGENT, 40)));
        events.add(session(new ConferenceRequested(chatId, id("conference"), secondAgent, TargetType.SUPERVISOR,
                SUPERVISOR, transferQueue, at(50))));
        events.add(routing(routed(RoutingOutcome.ACCEPTED, transferQueue, SUPERVISOR, OfferKind.CONFERENCE,
                id("conference"), 55)));
        events.add(session(participant(8, true, ParticipantChange.CONFERENCE_JOINED, SUPERVISOR, "Sam Taylor",
                ParticipantRole.SUPERVISOR, 55)));
        events.add(session(participant(9, false, ParticipantChange.LEFT, SUPERVISOR, "Sam Taylor",
                ParticipantRole.SUPERVISOR, 70)));
        events.add(session(new CallRequested(chatId, id("call"), secondAgent, PHONE, at(80))));
        events.add(session(message(10, secondAgent, "Bruno Costa", ParticipantRole.AGENT, MessageKind.TEXT,
                "Your refund is on its way", null, 90)));
        Map<String, Object> finalData = data;
        if (data != null) {
            finalData = new LinkedHashMap<>(data);
            finalData.put("orderNumber", NEW_ORDER_NUMBER);
            finalData.put("callback", true);
            events.add(session(new ChatDataChanged(chatId, finalData,
                    List.of(new ChatDataChanged.Change("orderNumber", NEW_ORDER_NUMBER, data.get("orderNumber")),
                            new ChatDataChanged.Change("callback", true, null)),
                    secondAgent, DataOrigin.AGENT, at(95))));
        }
        events.add(session(new ChatEnded(chatId, 11, EndReason.AGENT_FINISHED, secondAgent, at(100))));
        events.add(session(new ChatCompleted(chatId, secondAgent, notes, disposition, true, WorkflowDecision.PARK,
                "follow-up", at(WAIT_SECONDS + HANDLE_SECONDS), finalData)));
        if (surveyScore != null) {
            events.add(session(new SurveyAnswered(chatId, transferQueue, List.of(agent, secondAgent, SUPERVISOR),
                    surveyScore, surveyComment, at(140))));
        }
        events.add(Events.envelope(new TranscriptSent(chatId, id("transcript"), "dana@example.com",
                "<" + id("transcript") + "@switchboard>", 1, at(135)), "transcript-service"));
        events.add(Events.envelope(new WorkflowItemEvent(chatId, id("item"), "follow-up", null, "system", null,
                at(136)), EventType.WORKFLOW_QUEUED, "workflow-service"));
        return events;
    }

    private ChatRouted routed(RoutingOutcome outcome, String queue, String agentId, OfferKind kind, String requestId,
                              long seconds) {
        String requestedBy = kind == OfferKind.TRANSFER ? agent : kind == OfferKind.CONFERENCE ? secondAgent : null;
        return new ChatRouted(chatId, outcome, queue, agentId == null ? null : id("offer-" + agentId), agentId,
                agentId, kind, null, outcome == RoutingOutcome.QUEUED ? 1 : null, null, requestId, requestedBy, null,
                at(seconds));
    }

    private ChatParticipant participant(long seq, boolean joined, ParticipantChange change, String id, String name,
                                        ParticipantRole role, long seconds) {
        return new ChatParticipant(chatId, seq, joined, change, id, name, role, at(seconds));
    }

    private ChatMessage message(long seq, String author, String name, ParticipantRole role, MessageKind kind,
                                String text, String url, long seconds) {
        return new ChatMessage(chatId, seq, UUID.nameUUIDFromBytes((seed + seq).getBytes(StandardCharsets.UTF_8)),
                "client-" + seq, author, name, role, kind, text, url, List.of(), at(seconds));
    }

    private String id(String what) {
        return what + "-" + seed;
    }

    private static EventEnvelope session(SwitchboardEvent body) {
        return Events.envelope(body, "session-service");
    }

    private static EventEnvelope routing(SwitchboardEvent body) {
        return Events.envelope(body, "routing-service");
    }
}
