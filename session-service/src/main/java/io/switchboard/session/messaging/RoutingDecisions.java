package io.switchboard.session.messaging;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatRouted;
import io.switchboard.kit.inbox.PermanentEventFailure;
import io.switchboard.kit.inbox.ProcessedEvents;
import io.switchboard.kit.problem.ProblemException;
import io.switchboard.session.SessionConfig;
import io.switchboard.session.chat.Participation;
import io.switchboard.session.domain.FailedRequest;
import io.switchboard.session.domain.OpenOffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies routing's decisions to chats once across all instances (shared consumer group): an accepted offer makes
 * the agent a participant, an unanswered request ends the chat; the agents' open offers and the failed requests are
 * kept (sent again when an agent's socket opens). Live frames about decisions go through
 * {@link io.switchboard.session.live.LiveFanout} on every instance.
 */
@ApplicationScoped
public class RoutingDecisions {

    private final ProcessedEvents processedEvents;
    private final Participation participation;
    private final SessionConfig config;

    public RoutingDecisions(ProcessedEvents processedEvents, Participation participation, SessionConfig config) {
        this.processedEvents = processedEvents;
        this.participation = participation;
        this.config = config;
    }

    @Incoming("routing-decisions")
    public Uni<Void> on(String value) {
        return processedEvents.handle("session.routing-decisions", value,
                        envelope -> {
                            ChatRouted routed = envelope.payload(ChatRouted.class);
                            return OpenOffer.apply(routed)
                                    .chain(() -> FailedRequest.apply(routed, config.failedRequestReplay(),
                                            Instant.now()))
                                    .chain(() -> participation.apply(routed))
                                    // A decision about a chat this service never had cannot succeed on retry.
                                    .onFailure(ProblemException.class).transform(failure ->
                                            new PermanentEventFailure(failure.getMessage()));
                        });
    }
}
