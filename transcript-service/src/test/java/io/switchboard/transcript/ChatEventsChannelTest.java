package io.switchboard.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.ChatDataChanged;
import io.switchboard.events.DataOrigin;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.events.WorkflowDecision;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.transcript.support.Mailboxes;
import io.switchboard.transcript.support.Mailboxes.ReceivedMail;
import io.switchboard.transcript.support.TestChats;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one channel that reads every type a transcript is made of, on the real broker and database: a record it can
 * never apply goes alone to the dead-letter topic while the chat's other events of the same polls make its
 * transcript, and an event recorded as applied under its type's consumer name (as the channel per type recorded it
 * before) is not applied again.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "transcript"),
        @ResourceArg(name = SwitchboardInfrastructure.TOPICS_ARG, value = "dlq.transcript-service")})
class ChatEventsChannelTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** Long enough for a mail to have arrived, were one on its way (several sender polls). */
    private static final Duration NO_MAIL = Duration.ofSeconds(3);

    @ConfigProperty(name = SwitchboardInfrastructure.KAFKA_BOOTSTRAP_SERVERS)
    String bootstrapServers;

    @ConfigProperty(name = SwitchboardInfrastructure.TOPIC_PREFIX)
    String prefix;

    @ConfigProperty(name = SwitchboardInfrastructure.MAILER_HOST)
    String mailHost;

    @ConfigProperty(name = SwitchboardInfrastructure.TEST_IMAP_PORT)
    int imapPort;

    @Inject
    Pool database;

    KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aRecordThatCanNeverBeAppliedGoesAloneToTheDeadLetterTopicAndTheTranscriptStillGoesOut() {
        TestChats chat = new TestChats(kafka, prefix);
        String contact = TestChats.uniqueAddress("dead-letter");
        chat.requested("Jane Doe", contact, "en");
        chat.conversation("Jane Doe");
        String messages = prefix + EventType.CHAT_MESSAGE.topic();
        // Between the chat's events: not an event at all, and an event of a type this channel does not apply.
        EventEnvelope foreign = Events.envelope(new ChatDataChanged(chat.chatId, Map.of("order", "42"), List.of(),
                TestChats.AGENT_ID, DataOrigin.AGENT, Instant.now()), TestChats.PRODUCER);
        kafka.produceStrings().fromRecords(new ProducerRecord<>(messages, chat.chatId, "not an event"),
                new ProducerRecord<>(messages, chat.chatId, Events.write(foreign))).awaitCompletion();
        chat.ended(6);
        chat.completed(true);

        ReceivedMail mail = awaitMails(contact, 1).get(0);
        assertThat(mail.text()).contains("Here is our returns page.", "* The chat ended");
        List<ConsumerRecord<String, String>> dead = deadLetters(chat.chatId, 2);
        assertThat(dead).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("not an event", Events.write(foreign));
        ConsumerRecord<String, String> notApplied = dead.stream()
                .filter(r -> !r.value().equals("not an event")).findFirst().orElseThrow();
        assertThat(header(notApplied, "dead-letter-reason")).contains("does not apply chat.data.changed events");
        assertThat(header(notApplied, "dead-letter-topic")).isEqualTo(messages);
    }

    @Test
    void anEventAppliedUnderItsTypesConsumerNameIsNotAppliedAgain() {
        TestChats chat = new TestChats(kafka, prefix);
        String contact = TestChats.uniqueAddress("known");
        chat.requested("Jane Doe", contact, "en");
        chat.conversation("Jane Doe");
        chat.ended(6);
        EventEnvelope completed = Events.envelope(new ChatCompleted(chat.chatId, TestChats.AGENT_ID, "notes", null,
                true, WorkflowDecision.NONE, null, Instant.now()), TestChats.PRODUCER);
        // What the channel of chat.completed alone recorded when it applied this event (before one channel read all)
        database.preparedQuery("insert into processed_event(consumer, event_id, processed_at) values ($1, $2, now())")
                .executeAndAwait(Tuple.of("transcript.completed", completed.id()));
        chat.publish(completed);

        await().during(NO_MAIL).atMost(NO_MAIL.multipliedBy(3))
                .until(() -> Mailboxes.read(mailHost, imapPort, contact).isEmpty());
        // the channel goes on: a request of the agent's is mailed, and only that one
        String sendNow = UUID.randomUUID().toString();
        chat.sendNow(sendNow);
        assertThat(awaitMails(contact, 1)).extracting(ReceivedMail::messageId)
                .containsExactly("<transcript." + sendNow + "@switchboard.test>");
    }

    private List<ReceivedMail> awaitMails(String address, int count) {
        return Mailboxes.await(mailHost, imapPort, address, count, DELIVERY);
    }

    /** The dead letters keyed {@code key}, read until {@code expected} are there or the delivery wait is over. */
    private List<ConsumerRecord<String, String>> deadLetters(String key, int expected) {
        ConsumerTask<String, String> task = kafka.consumeStrings()
                .withGroupId("dlq-reader-" + UUID.randomUUID())
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(prefix + "dlq.transcript-service");
        try {
            await().atMost(DELIVERY).until(() -> matching(task, key).size() >= expected);
            return matching(task, key);
        } finally {
            task.stop();
        }
    }

    private static List<ConsumerRecord<String, String>> matching(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
