package io.switchboard.telephony.support;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.CallRequested;
import io.switchboard.events.CallStatus;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;

/**
 * Talks to the real broker as session-service: publishes {@code chat.call.requested} and reads
 * {@code telephony.call.status} (its own consumer group; callers filter by their own chat ids).
 */
public final class Kafka implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PRODUCER = "session-service";

    private final KafkaCompanion companion = new KafkaCompanion(SwitchboardInfrastructure.kafkaBootstrapServers());
    private final ConsumerTask<String, String> reader = companion.consumeStrings()
            .withGroupId("probe-" + UUID.randomUUID())
            .fromTopics(SwitchboardInfrastructure.topic(EventType.TELEPHONY_CALL_STATUS.topic()));

    public static String newChatId() {
        return "chat-" + UUID.randomUUID();
    }

    /** "Make a call" of {@code agent} in the chat; returns the envelope (to send again). */
    public EventEnvelope requestCall(String chatId, String requestId, String agent, String number) {
        EventEnvelope envelope = Events.envelope(new CallRequested(chatId, requestId, agent, number, Instant.now()),
                PRODUCER);
        send(envelope);
        return envelope;
    }

    public void send(EventEnvelope envelope) {
        companion.produceStrings().fromRecords(new ProducerRecord<>(SwitchboardInfrastructure.topic(envelope.type()),
                envelope.interactionId(), Events.write(envelope))).awaitCompletion(PATIENCE);
    }

    /** The telephony.call.status records read so far with this key (the chat id). */
    public List<ConsumerRecord<String, String>> records(String chatId) {
        return reader.getRecords().stream().filter(r -> chatId.equals(r.key())).toList();
    }

    public List<CallStatus> statuses(String chatId) {
        return records(chatId).stream().map(r -> Events.read(r.value()).payload(CallStatus.class)).toList();
    }

    /** Waits until the chat has {@code count} status records and returns them. */
    public List<CallStatus> awaitStatuses(String chatId, int count) {
        Awaitility.await().atMost(PATIENCE).until(() -> statuses(chatId).size() >= count);
        return statuses(chatId);
    }

    @Override
    public void close() {
        reader.stop();
        companion.close();
    }
}
