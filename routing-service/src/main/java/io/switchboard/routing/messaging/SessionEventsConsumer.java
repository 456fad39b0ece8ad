package io.switchboard.routing.messaging;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.ChatEnded;
import io.switchboard.events.ChatParticipant;
import io.switchboard.events.ChatRequested;
import io.switchboard.events.ConferenceRequested;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.TransferRequested;
import io.switchboard.kit.inbox.ProcessedEvents;
import io.switchboard.routing.routing.ChatClosing;
import io.switchboard.routing.routing.Dispatcher;
import io.switchboard.routing.routing.Escalation;
import io.switchboard.routing.routing.RequestIntake;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The session-service events routing acts on. Each is applied once per event id, in the transaction that records
 * it; routing then runs at once for whatever became possible.
 */
@ApplicationScoped
public class SessionEventsConsumer {

    private final ProcessedEvents processedEvents;
    private final RequestIntake intake;
    private final ChatClosing closing;
    private final Dispatcher dispatcher;

    public SessionEventsConsumer(ProcessedEvents processedEvents, RequestIntake intake, ChatClosing closing,
                                 Dispatcher dispatcher) {
        this.processedEvents = processedEvents;
        this.intake = intake;
        this.closing = closing;
        this.dispatcher = dispatcher;
    }

    @Incoming("chat-requested")
    public Uni<Void> chatRequested(String value) {
        return apply("routing.chat-requested", value,
                env -> intake.chatRequested(env.payload(ChatRequested.class)));
    }

    @Incoming("chat-ended")
    public Uni<Void> chatEnded(String value) {
        return apply("routing.chat-ended", value, env -> closing.ended(env.payload(ChatEnded.class)));
    }

    @Incoming("chat-completed")
    public Uni<Void> chatCompleted(String value) {
        return apply("routing.chat-completed", value, env -> closing.completed(env.payload(ChatCompleted.class)));
    }

    @Incoming("chat-participant")
    public Uni<Void> participant(String value) {
        return apply("routing.chat-participant", value,
                env -> closing.participantChanged(env.payload(ChatParticipant.class)));
    }

    @Incoming("chat-transfer-requested")
    public Uni<Void> transferRequested(String value) {
        return apply("routing.transfer-requested", value,
                env -> intake.escalation(Escalation.of(env.payload(TransferRequested.class))));
    }

    @Incoming("chat-conference-requested")
    public Uni<Void> conferenceRequested(String value) {
        return apply("routing.conference-requested", value,
                env -> intake.escalation(Escalation.of(env.payload(ConferenceRequested.class))));
    }

    private Uni<Void> apply(String consumer, String value,
                            Function<EventEnvelope, Uni<?>> effect) {
        return processedEvents.handle(consumer, value, effect).invoke(dispatcher::kick);
    }
}
