package io.switchboard.transcript.messaging;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.ChatEnded;
import io.switchboard.events.ChatMessage;
import io.switchboard.events.ChatParticipant;
import io.switchboard.events.ChatRequested;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.MessageLeft;
import io.switchboard.events.TranscriptRequested;
import io.switchboard.kit.inbox.PermanentEventFailure;
import io.switchboard.kit.inbox.ProcessedEvents;
import io.switchboard.transcript.delivery.TranscriptDispatcher;
import io.switchboard.transcript.domain.RequestOrigin;
import io.switchboard.transcript.domain.TranscriptRecorder;
import io.switchboard.transcript.domain.TranscriptRequests;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies the chat events that make up transcripts and transcript requests, each once per event id, one transaction
 * per poll of a channel. After each commit the sender is woken, since the event may have made a request ready (the end of its chat, a late line).
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
    public Uni<Void> onRequested(ConsumerRecords<String, String> records) {
        return apply("requested", records, env -> recorder.contactRequested(env.payload(ChatRequested.class)));
    }

    @Incoming("chat-routed")
    public Uni<Void> onRouted(ConsumerRecords<String, String> records) {
        return apply("routed", records, env -> recorder.routed(env.payload(ChatRouted.class)));
    }

    @Incoming("chat-message")
    public Uni<Void> onMessage(ConsumerRecords<String, String> records) {
        return apply("message", records, env -> recorder.messagePosted(env.payload(ChatMessage.class)));
    }

    @Incoming("chat-participant")
    public Uni<Void> onParticipant(ConsumerRecords<String, String> records) {
        return apply("participant", records, env -> recorder.participantChanged(env.payload(ChatParticipant.class)));
    }

    @Incoming("chat-ended")
    public Uni<Void> onEnded(ConsumerRecords<String, String> records) {
        return apply("ended", records, env -> recorder.chatEnded(env.payload(ChatEnded.class)));
    }

    @Incoming("chat-completed")
    public Uni<Void> onCompleted(ConsumerRecords<String, String> records) {
        return apply("completed", records, env -> {
            ChatCompleted completed = env.payload(ChatCompleted.class);
            return !completed.sendTranscript() ? Uni.createFrom().voidItem()
                    : requests.add(completed.chatId(), TranscriptRequests.completedRequestId(completed.chatId()),
                            RequestOrigin.COMPLETED, completed.agentId());
        });
    }

    @Incoming("transcript-requested")
    public Uni<Void> onTranscriptRequested(ConsumerRecords<String, String> records) {
        return apply("transcript-requested", records, env -> {
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

    /** A message the contact left: its one line and the acknowledgement to send, once. */
    @Incoming("message-left")
    public Uni<Void> onMessageLeft(ConsumerRecords<String, String> records) {
        return apply("message-left", records, env -> {
            MessageLeft message = env.payload(MessageLeft.class);
            return recorder.messageLeft(message).chain(() -> requests.add(message.chatId(),
                    TranscriptRequests.acknowledgementRequestId(message.chatId()), RequestOrigin.ACKNOWLEDGEMENT,
                    null));
        });
    }

    private Uni<Void> apply(String what, ConsumerRecords<String, String> records,
                            Function<EventEnvelope, Uni<?>> effect) {
        return processedEvents.batch(CONSUMER + what, records, effect).invoke(dispatcher::kick);
    }
}
