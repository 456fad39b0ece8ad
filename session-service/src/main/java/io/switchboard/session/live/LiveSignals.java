package io.switchboard.session.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.events.Events;
import io.switchboard.session.frames.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Live signals between instances: typing indicators and the signalling of web calls (SDP offers and answers, ICE
 * candidates, hold). They are signals, not domain events: nothing is stored, nothing goes through the outbox; a lost
 * typing signal is an indicator that does not blink, a lost call signal a call that does not connect (the browsers
 * then hang up). Every instance (its own consumer group, latest offset) delivers them to the sockets connected to it,
 * the sender's instance included. One topic ({@code session.typing}, its name kept from when it carried typing only)
 * carries both kinds; the record's value is the frame itself and its {@code type} tells which.
 */
@ApplicationScoped
public class LiveSignals {

    private static final String TYPING = "typing";
    private static final String CALL_SIGNAL = "call-signal";

    private final MutinyEmitter<String> emitter;
    private final LiveDelivery delivery;

    public LiveSignals(@Channel("signals-out") MutinyEmitter<String> emitter, LiveDelivery delivery) {
        this.emitter = emitter;
        this.delivery = delivery;
    }

    /** To the chat's present participants on every instance, except the one typing. */
    public void typing(Frames.Typing typing) {
        send(typing.chatId(), typing);
    }

    /** To the sockets of the call's other party ({@code to}) on every instance, nobody else. */
    public void callSignal(Frames.CallSignal signal) {
        send(signal.chatId(), signal);
    }

    private void send(String chatId, Object frame) {
        String json;
        try {
            json = Events.json().writeValueAsString(frame);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        // Keyed by chat: one chat's signals stay in order (one partition), which call negotiation needs.
        emitter.sendMessageAndForget(Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(chatId).build()));
    }

    @Incoming("signals-in")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        if (!delivery.followed(record.key())) {
            return Uni.createFrom().voidItem(); // a chat no socket here follows: skipped from the key
        }
        try {
            JsonNode frame = Events.json().readTree(record.value());
            String type = frame.path("type").asText();
            if (TYPING.equals(type)) {
                Frames.Typing typing = Events.json().treeToValue(frame, Frames.Typing.class);
                if (delivery.followed(typing.chatId())) {
                    delivery.toPresent(typing.chatId(), typing.participantId(), typing);
                }
            } else if (CALL_SIGNAL.equals(type)) {
                Frames.CallSignal signal = Events.json().treeToValue(frame, Frames.CallSignal.class);
                delivery.toParticipantInChat(signal.chatId(), signal.to(), signal);
            } else {
                Log.debugf("not a live signal: type %s", type);
            }
        } catch (Exception e) {
            Log.debugf("not a live signal: %s", e.getMessage());
        }
        return Uni.createFrom().voidItem();
    }
}
