package io.switchboard.transcript.messaging;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.ChatEnded;
import io.switchboard.events.ChatMessage;
import io.switchboard.events.ChatParticipant;
import io.switchboard.events.ChatRequested;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.TranscriptRequested;
import io.switchboard.kit.inbox.PermanentEventFailure;
import io.switchboard.kit.inbox.ProcessedEvents;
import io.switchboard.transcript.delivery.TranscriptDispatcher;
import io.switchboard.transcript.domain.RequestOrigin;
import io.switchboard.transcript.domain.TranscriptRecorder;
import io.switchboard.transcript.domain.TranscriptRequests;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies the chat events that make up transcripts and transcript requests, each once per event id. After each
 * commit the sender is woken, since the event may have made a request ready (the end of its chat, a late line).
 */
@ApplicationScoped
public class ChatEventsConsumer {

    private static final String CONSUMER = "transcript.";

    private final ProcessedEvents processedEvents;
    private final TranscriptRecorder recorder;
    private final TranscriptRequests requests;
    private final TranscriptDispatcher dispatcher;

    public ChatEventsConsumer(ProcessedEvents processedEvents, TranscriptRecorder recorder,
                              TranscriptRequests requests, TranscriptDispatcher dispatcher) {
        this.processedEvents = processedEvents;
        this.recorder = recorder;
        this.requests = requests;
        this.dispatcher = dispatcher;
    }

    @Incoming("chat-requested")
    public Uni<Void> onRequested(String value) {
        return apply("requested", value, env -> recorder.contactRequested(env.payload(ChatRequested.class)));
    }

    @Incoming("chat-routed")
    public Uni<Void> onRouted(String value) {
        return apply("routed", value, env -> recorder.routed(env.payload(ChatRouted.class)));
    }

    @Incoming("chat-message")
    public Uni<Void> onMessage(String value) {
        return apply("message", value, env -> recorder.messagePosted(env.payload(ChatMessage.class)));
    }

    @Incoming("chat-participant")
    public Uni<Void> onParticipant(String value) {
        return apply("participant", value, env -> recorder.participantChanged(env.payload(ChatParticipant.class)));
    }

    @Incoming("chat-ended")
    public Uni<Void> onEnded(String value) {
        return apply("ended", value, env -> recorder.chatEnded(env.payload(ChatEnded.class)));
    }

    @Incoming("chat-completed")
    public Uni<Void> onCompleted(String value) {
        return apply("completed", value, env -> {
            ChatCompleted completed = env.payload(ChatCompleted.class);
            return !completed.sendTranscript() ? Uni.createFrom().voidItem()
                    : requests.add(completed.chatId(), TranscriptRequests.completedRequestId(completed.chatId()),
                            RequestOrigin.COMPLETED, completed.agentId());
        });
    }

    @Incoming("transcript-requested")
    public Uni<Void> onTranscriptRequested(String value) {
        return apply("transcript-requested", value, env -> {
            TranscriptRequested requested = env.payload(TranscriptRequested.class);
            if (requested.requestId() == null || requested.requestId().isBlank()
                    || requested.requestId().length() > TranscriptRequests.MAX_REQUEST_ID_LENGTH) {
                throw new PermanentEventFailure("transcript.requested needs a request id of at most "
                        + TranscriptRequests.MAX_REQUEST_ID_LENGTH + " characters");
            }
            return requests.add(requested.chatId(), requested.requestId(), RequestOrigin.SEND_NOW,
                    requested.requestedBy());
        });
    }

    private Uni<Void> apply(String what, String value, Function<EventEnvelope, Uni<?>> effect) {
        return processedEvents.handle(CONSUMER + what, value, effect).invoke(dispatcher::kick);
    }
}
