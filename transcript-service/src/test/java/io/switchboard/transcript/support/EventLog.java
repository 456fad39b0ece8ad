package io.switchboard.transcript.support;

import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads what this service published on the real broker. */
public final class EventLog {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private EventLog() {
    }

    /** The record values of one chat on a topic, once at least {@code count} are there. */
    public static List<String> awaitValues(KafkaCompanion kafka, String topic, String chatId, int count) {
        ConsumerTask<String, String> task = kafka.consumeStrings()
                .withGroupId("transcript-test-" + UUID.randomUUID())
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(topic);
        try {
            await().atMost(TIMEOUT).until(() -> ofChat(task, chatId).size() >= count);
            return ofChat(task, chatId);
        } finally {
            task.stop();
        }
    }

    private static List<String> ofChat(ConsumerTask<String, String> task, String chatId) {
        return task.getRecords().stream().filter(r -> chatId.equals(r.key())).map(ConsumerRecord::value).toList();
    }
}
