package io.switchboard.routing.messaging;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.AgentPresence;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.ChatDataChanged;
import io.switchboard.events.ChatEnded;
import io.switchboard.events.ChatParticipant;
import io.switchboard.events.ChatRequested;
import io.switchboard.events.ConferenceRequested;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.TransferRequested;
import io.switchboard.kit.inbox.ProcessedEvents;
import io.switchboard.routing.DispatchWanted;
import io.switchboard.routing.agent.Desktops;
import io.switchboard.routing.dispatch.ChatClosing;
import io.switchboard.routing.dispatch.Escalation;
import io.switchboard.routing.dispatch.RequestIntake;
import io.switchboard.routing.dispatch.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The session-service events routing acts on. Each is applied once per event id, in the transaction that records
 * it (one per poll of a channel); routing then runs at once for whatever became possible.
 */
@ApplicationScoped
public class SessionEventsConsumer {

    private final ProcessedEvents processedEvents;
    private final RequestIntake intake;
    private final ChatClosing closing;
    private final Event<DispatchWanted> dispatchWanted;
    private final Desktops desktops;

    public SessionEventsConsumer(ProcessedEvents processedEvents, RequestIntake intake, ChatClosing closing,
                                 Event<DispatchWanted> dispatchWanted, Desktops desktops) {
        this.desktops = desktops;
        this.processedEvents = processedEvents;
        this.intake = intake;
        this.closing = closing;
        this.dispatchWanted = dispatchWanted;
    }

    @Incoming("chat-requested")
    public Uni<Void> chatRequested(ConsumerRecords<String, String> records) {
        return apply("routing.chat-requested", records,
                env -> intake.chatRequested(env.payload(ChatRequested.class)));
    }

    @Incoming("chat-ended")
    public Uni<Void> chatEnded(ConsumerRecords<String, String> records) {
        return apply("routing.chat-ended", records, env -> closing.ended(env.payload(ChatEnded.class)));
    }

    @Incoming("chat-completed")
    public Uni<Void> chatCompleted(ConsumerRecords<String, String> records) {
        return apply("routing.chat-completed", records, env -> closing.completed(env.payload(ChatCompleted.class)));
    }

    @Incoming("chat-participant")
    public Uni<Void> participant(ConsumerRecords<String, String> records) {
        return apply("routing.chat-participant", records,
                env -> closing.participantChanged(env.payload(ChatParticipant.class)));
    }

    @Incoming("chat-transfer-requested")
    public Uni<Void> transferRequested(ConsumerRecords<String, String> records) {
        return apply("routing.transfer-requested", records,
                env -> intake.escalation(Escalation.of(env.payload(TransferRequested.class))));
    }

    @Incoming("chat-conference-requested")
    public Uni<Void> conferenceRequested(ConsumerRecords<String, String> records) {
        return apply("routing.conference-requested", records,
                env -> intake.escalation(Escalation.of(env.payload(ConferenceRequested.class))));
    }

    @Incoming("agent-presence")
    public Uni<Void> agentPresence(ConsumerRecords<String, String> records) {
        return apply("routing.agent-presence", records,
                env -> desktops.presenceChanged(env.payload(AgentPresence.class)));
    }

    @Incoming("chat-data-changed")
    public Uni<Void> dataChanged(ConsumerRecords<String, String> records) {
        return apply("routing.chat-data-changed", records,
                env -> intake.dataChanged(env.payload(ChatDataChanged.class)));
    }

    /** The batch takes its chats' locks first, all in one order: the effects that lock a chat then never deadlock. */
    private Uni<Void> apply(String consumer, ConsumerRecords<String, String> records,
                            Function<EventEnvelope, Uni<?>> effect) {
        return processedEvents.batch(consumer, records, Rows::lockChats, effect).invoke(() -> dispatchWanted.fire(DispatchWanted.NOW));
    }
}
