package io.switchboard.session.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.awaitility.Awaitility;

/** Reads what session-service published on the real broker (a fresh consumer group, from the beginning). */
public final class PublishedEvents implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ConsumerTask<String, String> task;

    public PublishedEvents(KafkaCompanion companion) {
        Set<String> topics = EventType.topics().stream()
                .filter(t -> EventType.of(t).producer().equals("session-service"))
                .map(SwitchboardInfrastructure::topic).collect(Collectors.toSet());
        task = companion.consumeStrings().withGroupId("session-test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(topics);
    }

    /** The record values of one event type about one chat, waiting until there are at least {@code count}. */
    public List<String> await(String chatId, String type, int count) {
        Awaitility.await().atMost(WAIT).until(() -> of(chatId, type).size() >= count);
        return of(chatId, type);
    }

    public JsonNode awaitData(String chatId, String type) {
        return data(await(chatId, type, 1).get(0));
    }

    public List<String> of(String chatId, String type) {
        String topic = SwitchboardInfrastructure.topic(type);
        return task.getRecords().stream().filter(r -> topic.equals(r.topic()) && chatId.equals(r.key()))
                .map(ConsumerRecord::value).toList();
    }

    public static JsonNode data(String value) {
        try {
            return Events.json().readTree(value).path("data");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        task.stop();
    }
}
