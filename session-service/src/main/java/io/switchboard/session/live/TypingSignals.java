package io.switchboard.session.live;

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
 * Typing indicators between instances. They are signals, not domain events: nothing is stored, nothing goes through
 * the outbox, and one that is lost only means an indicator that does not blink. Every instance (its own consumer
 * group, latest offset) delivers them to the sockets connected to it, the sender's instance included.
 */
@ApplicationScoped
public class TypingSignals {

    private final MutinyEmitter<String> emitter;
    private final LiveDelivery delivery;

    public TypingSignals(@Channel("typing-out") MutinyEmitter<String> emitter, LiveDelivery delivery) {
        this.emitter = emitter;
        this.delivery = delivery;
    }

    public void publish(Frames.Typing typing) {
        String json;
        try {
            json = Events.json().writeValueAsString(typing);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        emitter.sendMessageAndForget(Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(typing.chatId()).build()));
    }

    @Incoming("typing-in")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        if (!delivery.followed(record.key())) {
            return Uni.createFrom().voidItem(); // a chat no socket here follows: skipped from the key
        }
        Frames.Typing typing;
        try {
            typing = Events.json().readValue(record.value(), Frames.Typing.class);
        } catch (Exception e) {
            Log.debugf("not a typing signal: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (delivery.followed(typing.chatId())) {
            delivery.toPresent(typing.chatId(), typing.participantId(), typing);
        }
        return Uni.createFrom().voidItem();
    }
}
