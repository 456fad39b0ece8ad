package io.switchboard.workflow;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.ChatRequested;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.WorkflowDecision;
import io.switchboard.events.WorkflowItemEvent;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.awaitility.Awaitility;

/**
 * Talks to the real broker as session-service (producing chat events) and as a reader of the workflow topics.
 * Every reader has its own consumer group; callers filter by their own chat ids.
 */
public final class KafkaEvents implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PRODUCER = "session-service";

    private final KafkaCompanion companion = new KafkaCompanion(SwitchboardInfrastructure.kafkaBootstrapServers());
    private final ConsumerTask<String, String> reader;

    /** Starts reading the given workflow topics from their beginning. */
    public KafkaEvents(EventType... read) {
        String[] topics = Arrays.stream(read).map(t -> SwitchboardInfrastructure.topic(t.topic())).toArray(String[]::new);
        reader = topics.length == 0 ? null
                : companion.consumeStrings().withGroupId("probe-" + UUID.randomUUID()).fromTopics(topics);
    }

    public static String newChatId() {
        return "chat-" + UUID.randomUUID();
    }

    public EventEnvelope publish(SwitchboardEvent event) {
        EventEnvelope envelope = Events.envelope(event, PRODUCER);
        send(envelope);
        return envelope;
    }

    /** Sends exactly this envelope (again, for redelivery tests). */
    public void send(EventEnvelope envelope) {
        send(envelope, new RecordHeaders());
    }

    /** Sends the envelope with these record headers (a trace context, say). */
    public void send(EventEnvelope envelope, Headers headers) {
        companion.produceStrings().fromRecords(new ProducerRecord<>(SwitchboardInfrastructure.topic(envelope.type()),
                null, envelope.interactionId(), Events.write(envelope), headers)).awaitCompletion(PATIENCE);
    }

    public EventEnvelope completed(String chatId, WorkflowDecision decision, String workflowQueue, Headers headers) {
        EventEnvelope envelope = Events.envelope(new ChatCompleted(chatId, Actors.ALICE.id,
                "Call back about the refund", "REFUND", false, decision, workflowQueue, Instant.now()), PRODUCER);
        send(envelope, headers);
        return envelope;
    }

    /** The records read so far on one topic about one chat (with their headers). */
    public List<ConsumerRecord<String, String>> records(EventType type, String chatId) {
        String topic = SwitchboardInfrastructure.topic(type.topic());
        return reader.getRecords().stream()
                .filter(r -> r.topic().equals(topic) && chatId.equals(r.key()))
                .toList();
    }

    public EventEnvelope requested(String chatId, String contactName, String queue) {
        return publish(new ChatRequested(chatId, "contact-" + chatId, contactName, contactName.toLowerCase()
                .replace(' ', '.') + "@example.com", List.of(), queue, "Order " + chatId, "en", Instant.now()));
    }

    public EventEnvelope completed(String chatId, WorkflowDecision decision, String workflowQueue) {
        return publish(new ChatCompleted(chatId, Actors.ALICE.id, "Call back about the refund", "REFUND", false,
                decision, workflowQueue, Instant.now(), Map.of("orderNumber", "A-" + chatId)));
    }

    /** The record values read so far on one topic about one chat. */
    public List<String> values(EventType type, String chatId) {
        String topic = SwitchboardInfrastructure.topic(type.topic());
        return reader.getRecords().stream()
                .filter(r -> r.topic().equals(topic) && chatId.equals(r.key()))
                .map(ConsumerRecord::value)
                .toList();
    }

    /** Waits for the first record of that type about that chat and returns its body. */
    public WorkflowItemEvent awaitEvent(EventType type, String chatId) {
        Awaitility.await().atMost(PATIENCE).until(() -> !values(type, chatId).isEmpty());
        return Events.read(values(type, chatId).get(0)).payload(WorkflowItemEvent.class);
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.stop();
        }
        companion.close();
    }
}
