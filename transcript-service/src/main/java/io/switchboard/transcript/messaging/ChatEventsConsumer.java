package io.switchboard.transcript.messaging;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.ChatEnded;
import io.switchboard.events.ChatMessage;
import io.switchboard.events.ChatParticipant;
import io.switchboard.events.ChatRequested;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.MessageLeft;
import io.switchboard.events.TranscriptRequested;
import io.switchboard.kit.inbox.PermanentEventFailure;
import io.switchboard.kit.inbox.ProcessedEvents;
import io.switchboard.kit.inbox.ProcessedEvents.Effect;
import io.switchboard.transcript.delivery.TranscriptDispatcher;
import io.switchboard.transcript.domain.RequestOrigin;
import io.switchboard.transcript.domain.TranscriptRecorder;
import io.switchboard.transcript.domain.TranscriptRequests;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies the chat events that make up transcripts and transcript requests, each once per event id, one transaction
 * per poll of the one channel that reads them all. After each commit the sender is woken, since the event may have
 * made a request ready (the end of its chat, a late line).
 */
@ApplicationScoped
public class ChatEventsConsumer {

    private static final String CHANNEL = "transcript.chat-events";
    /** Each type's consumer name in processed_event, as when each type had a channel of its own. */
    private static final String CONSUMER = "transcript.";

    private final ProcessedEvents processedEvents;
    private final TranscriptDispatcher dispatcher;
    private final Map<String, Effect> effects;

    public ChatEventsConsumer(ProcessedEvents processedEvents, TranscriptRecorder recorder,
                              TranscriptRequests requests, TranscriptDispatcher dispatcher) {
        this.processedEvents = processedEvents;
        this.dispatcher = dispatcher;
        this.effects = Map.of(
                EventType.CHAT_REQUESTED.topic(), effect("requested",
                        env -> recorder.contactRequested(env.payload(ChatRequested.class))),
                EventType.CHAT_ROUTED.topic(), effect("routed", env -> recorder.routed(env.payload(ChatRouted.class))),
                // A poll's messages at once: a few statements for all of them (lines are keyed by seq: no order).
                EventType.CHAT_MESSAGE.topic(), Effect.together(CONSUMER + "message", all -> recorder.messagesPosted(
                        all.stream().map(env -> env.payload(ChatMessage.class)).toList())),
                EventType.CHAT_PARTICIPANT.topic(), effect("participant",
                        env -> recorder.participantChanged(env.payload(ChatParticipant.class))),
                EventType.CHAT_ENDED.topic(), effect("ended", env -> recorder.chatEnded(env.payload(ChatEnded.class))),
                EventType.CHAT_COMPLETED.topic(), effect("completed", env -> {
                    ChatCompleted completed = env.payload(ChatCompleted.class);
                    return !completed.sendTranscript() ? Uni.createFrom().voidItem()
                            : requests.add(completed.chatId(),
                                    TranscriptRequests.completedRequestId(completed.chatId()),
                                    RequestOrigin.COMPLETED, completed.agentId());
                }),
                EventType.TRANSCRIPT_REQUESTED.topic(), effect("transcript-requested",
                        env -> transcriptRequested(requests, env.payload(TranscriptRequested.class))),
                // A message the contact left: its one line and the acknowledgement to send, once.
                EventType.CONTACT_MESSAGE_LEFT.topic(), effect("message-left", env -> {
                    MessageLeft message = env.payload(MessageLeft.class);
                    return recorder.messageLeft(message).chain(() -> requests.add(message.chatId(),
                            TranscriptRequests.acknowledgementRequestId(message.chatId()),
                            RequestOrigin.ACKNOWLEDGEMENT, null));
                }));
    }

    @Incoming("chat-events")
    public Uni<Void> onEvents(ConsumerRecords<String, String> records) {
        return processedEvents.batch(CHANNEL, records, effects).invoke(dispatcher::kick);
    }

    private static Uni<Void> transcriptRequested(TranscriptRequests requests, TranscriptRequested requested) {
        if (requested.requestId() == null || requested.requestId().isBlank()
                || requested.requestId().length() > TranscriptRequests.MAX_REQUEST_ID_LENGTH) {
            throw new PermanentEventFailure("transcript.requested needs a request id of at most "
                    + TranscriptRequests.MAX_REQUEST_ID_LENGTH + " characters");
        }
        return requests.add(requested.chatId(), requested.requestId(), RequestOrigin.SEND_NOW,
                requested.requestedBy()).replaceWithVoid();
    }

    private static Effect effect(String what, Function<EventEnvelope, Uni<?>> apply) {
        return new Effect(CONSUMER + what, apply);
    }
}
