package io.switchboard.history.messaging;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatMessage;
import io.switchboard.events.EventType;
import io.switchboard.history.agent.AgentStateLog;
import io.switchboard.history.projection.InteractionProjection;
import io.switchboard.kit.inbox.ProcessedEvents;
import io.switchboard.kit.inbox.ProcessedEvents.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the contact history up to date from every chat, transcript and workflow topic (one channel subscribed to
 * all of them, see application.properties), and the agents' activity log from {@code agent.state}. Each event is
 * applied once, in the transaction that records its id: one transaction per poll.
 */
@ApplicationScoped
public class HistoryEventsConsumer {

    /** The name under which applied event ids are recorded; a rebuild records them under the same name. */
    public static final String CONSUMER = "history.interaction";
    static final String AGENT_STATES = "history.agent-state";

    private final ProcessedEvents processedEvents;
    private final AgentStateLog agentStates;
    private final Map<String, Effect> effects = new HashMap<>();

    public HistoryEventsConsumer(ProcessedEvents processedEvents, InteractionProjection projection,
                                 AgentStateLog agentStates) {
        this.processedEvents = processedEvents;
        this.agentStates = agentStates;
        // Every type under the one consumer name (a rebuild records them so too); a poll's chat messages together,
        // in a few statements for all of them (their rows are keyed by chat and seq: no order to keep).
        for (EventType type : EventType.values()) {
            effects.put(type.topic(), type == EventType.CHAT_MESSAGE
                    ? Effect.together(CONSUMER, all -> projection.messages(
                            all.stream().map(envelope -> envelope.payload(ChatMessage.class)).toList()))
                    : new Effect(CONSUMER, projection::apply));
        }
    }

    @Incoming("history-events")
    public Uni<Void> on(ConsumerRecords<String, String> records) {
        return processedEvents.batch(CONSUMER, records, effects);
    }

    @Incoming("agent-states")
    public Uni<Void> agentStates(ConsumerRecords<String, String> records) {
        return processedEvents.batch(AGENT_STATES, records, agentStates::apply);
    }
}
