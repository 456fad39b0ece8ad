package io.switchboard.routing.messaging;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.AgentPresence;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.ChatDataChanged;
import io.switchboard.events.ChatEnded;
import io.switchboard.events.ChatParticipant;
import io.switchboard.events.ChatRequested;
import io.switchboard.events.ConferenceRequested;
import io.switchboard.events.EventType;
import io.switchboard.events.TransferRequested;
import io.switchboard.kit.inbox.ProcessedEvents;
import io.switchboard.kit.inbox.ProcessedEvents.Effect;
import io.switchboard.routing.DispatchWanted;
import io.switchboard.routing.agent.Desktops;
import io.switchboard.routing.dispatch.ChatClosing;
import io.switchboard.routing.dispatch.Escalation;
import io.switchboard.routing.dispatch.RequestIntake;
import io.switchboard.routing.dispatch.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The session-service events routing acts on, read by one channel: each is applied once per event id, in the
 * transaction that records it (one per poll, whatever the types in it); routing then runs at once for whatever became
 * possible. One channel rather than one per type: a chat's request and its end, taken in by two consumers, made two
 * transactions that waited on each other's chat locks and agent rows; in one poll they run one after the other.
 */
@ApplicationScoped
public class SessionEventsConsumer {

    private static final String CHANNEL = "routing.session-events";

    private final ProcessedEvents processedEvents;
    private final Event<DispatchWanted> dispatchWanted;
    private final Map<String, Effect> effects;

    public SessionEventsConsumer(ProcessedEvents processedEvents, RequestIntake intake, ChatClosing closing,
                                 Event<DispatchWanted> dispatchWanted, Desktops desktops) {
        this.processedEvents = processedEvents;
        this.dispatchWanted = dispatchWanted;
        // Each type keeps the consumer name its channel of its own had: events applied before are still known.
        this.effects = Map.of(
                EventType.CHAT_REQUESTED.topic(), new Effect("routing.chat-requested",
                        env -> intake.chatRequested(env.payload(ChatRequested.class))),
                EventType.CHAT_ENDED.topic(), new Effect("routing.chat-ended",
                        env -> closing.ended(env.payload(ChatEnded.class))),
                EventType.CHAT_COMPLETED.topic(), new Effect("routing.chat-completed",
                        env -> closing.completed(env.payload(ChatCompleted.class))),
                EventType.CHAT_PARTICIPANT.topic(), new Effect("routing.chat-participant",
                        env -> closing.participantChanged(env.payload(ChatParticipant.class))),
                EventType.CHAT_TRANSFER_REQUESTED.topic(), new Effect("routing.transfer-requested",
                        env -> intake.escalation(Escalation.of(env.payload(TransferRequested.class)))),
                EventType.CHAT_CONFERENCE_REQUESTED.topic(), new Effect("routing.conference-requested",
                        env -> intake.escalation(Escalation.of(env.payload(ConferenceRequested.class)))),
                EventType.AGENT_PRESENCE.topic(), new Effect("routing.agent-presence",
                        env -> desktops.presenceChanged(env.payload(AgentPresence.class))),
                EventType.CHAT_DATA_CHANGED.topic(), new Effect("routing.chat-data-changed",
                        env -> intake.dataChanged(env.payload(ChatDataChanged.class))));
    }

    /** The batch takes its chats' locks first, all in one order: the effects that lock a chat then never deadlock. */
    @Incoming("session-events")
    public Uni<Void> onEvents(ConsumerRecords<String, String> records) {
        return processedEvents.batch(CHANNEL, records, Rows::lockChats, effects)
                .invoke(() -> dispatchWanted.fire(DispatchWanted.NOW));
    }
}
