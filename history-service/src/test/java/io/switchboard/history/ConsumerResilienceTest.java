package io.switchboard.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.stack.test.ProxiedDatabaseInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The live consumer against the real broker and database: a database outage longer than any retry budget is
 * waited out, a record that can never be applied goes alone to dlq.history-service with its reason, and a batch
 * delivered twice is applied once.
 */
@QuarkusTest
@WithTestResource(value = ProxiedDatabaseInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "history"),
        @ResourceArg(name = "topics", value = "dlq.history-service")})
class ConsumerResilienceTest {

    /** Longer than the old budget of 5 retries with back-off (about 11 s) after which an event was dead-lettered. */
    static final Duration OUTAGE = Duration.ofSeconds(15);
    static final Duration DEAD_LETTERED = Duration.ofSeconds(60);
    /** ChatScenario's first chat.message is its 7th event. */
    static final int FIRST_MESSAGE_INDEX = 6;

    @Test
    void aDatabaseOutageIsWaitedOutAndNothingIsLostOrDeadLettered() throws InterruptedException {
        ChatScenario chat = new ChatScenario();
        ProxiedDatabaseInfrastructure.cutDatabase();
        try {
            EventLog.publish(chat.envelopes());
            Thread.sleep(OUTAGE.toMillis());
        } finally {
            ProxiedDatabaseInfrastructure.restoreDatabase();
        }

        InteractionHistoryTest.awaitDone(chat.chatId);
        EventLog.awaitAllConsumed();
        assertThat(deadLetters(chat.chatId, Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void aRecordThatCanNeverBeAppliedGoesAloneToTheDeadLetterTopic() {
        ChatScenario chat = new ChatScenario();
        List<EventEnvelope> envelopes = chat.envelopes();
        String prefix = EventLog.prefix();
        String messages = prefix + EventType.CHAT_MESSAGE.topic();
        ObjectNode unfitting = (ObjectNode) Events.json().valueToTree(envelopes.stream()
                .filter(e -> e.type().equals(EventType.CHAT_MESSAGE.topic())).findFirst().orElseThrow());
        unfitting.put("id", UUID.randomUUID().toString());
        ((ObjectNode) unfitting.get("data")).put("seq", "not a number");

        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (EventEnvelope e : envelopes) {
            records.add(new ProducerRecord<>(prefix + e.type(), e.interactionId(), Events.write(e)));
            if (records.size() == FIRST_MESSAGE_INDEX + 1) {
                // between the chat's messages, on the same partition and in the same poll: two records that can
                // never be applied (not an event; an event whose data does not fit its type)
                records.add(new ProducerRecord<>(messages, chat.chatId, "not an event"));
                records.add(new ProducerRecord<>(messages, chat.chatId, unfitting.toString()));
            }
        }
        EventLog.companion().produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));

        JsonNode view = InteractionHistoryTest.awaitDone(chat.chatId);
        assertThat(view.at("/messages/0/text").asText()).isEqualTo(chat.firstWords);
        List<ConsumerRecord<String, String>> dead = deadLetters(chat.chatId, DEAD_LETTERED, 2);
        assertThat(dead).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("not an event", unfitting.toString());
        Map<String, String> notAnEvent = headers(dead.stream().filter(r -> r.value().equals("not an event"))
                .findFirst().orElseThrow());
        assertThat(notAnEvent.get("dead-letter-reason")).contains("not a Switchboard event envelope");
        assertThat(notAnEvent.get("dead-letter-topic")).isEqualTo(messages);
        assertThat(notAnEvent).containsKeys("dead-letter-partition", "dead-letter-offset");
        Map<String, String> notFitting = headers(dead.stream().filter(r -> !r.value().equals("not an event"))
                .findFirst().orElseThrow());
        assertThat(notFitting.get("dead-letter-reason")).contains("not a number");
        assertThat(Long.parseLong(notFitting.get("dead-letter-offset")))
                .isEqualTo(Long.parseLong(notAnEvent.get("dead-letter-offset")) + 1);
        assertThat(deadLetters(chat.chatId, Duration.ofSeconds(2))).hasSize(2);
    }

    @Test
    void aBatchDeliveredTwiceIsAppliedOnce() {
        ChatScenario chat = new ChatScenario();
        List<EventEnvelope> envelopes = chat.envelopes();
        EventLog.publish(envelopes);
        String first = InteractionHistoryTest.awaitDone(chat.chatId).toString();

        EventLog.publish(envelopes);
        EventLog.awaitAllConsumed();

        assertThat(InteractionHistoryTest.fetch(chat.chatId).toString()).isEqualTo(first);
        assertThat(deadLetters(chat.chatId, Duration.ofSeconds(5))).isEmpty();
    }

    private static List<ConsumerRecord<String, String>> deadLetters(String key, Duration wait) {
        return deadLetters(key, wait, Long.MAX_VALUE);
    }

    /** The dead letters keyed {@code key}, read until {@code expected} are there or {@code wait} is over. */
    private static List<ConsumerRecord<String, String>> deadLetters(String key, Duration wait, long expected) {
        ConsumerTask<String, String> task = EventLog.companion().consumeStrings()
                .withGroupId("dlq-reader-" + UUID.randomUUID())
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(EventLog.prefix() + "dlq.history-service");
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline && matching(task, key).size() < expected) {
                Thread.sleep(200);
            }
            return matching(task, key);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            task.stop();
        }
    }

    private static List<ConsumerRecord<String, String>> matching(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }

    static Map<String, String> headers(ConsumerRecord<String, String> record) {
        return java.util.stream.StreamSupport.stream(record.headers().spliterator(), false)
                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8),
                        (a, b) -> b));
    }
}
