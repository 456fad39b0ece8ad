package io.switchboard.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Events;
import io.switchboard.events.WorkflowDecision;
import io.switchboard.kit.trace.TraceContexts;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.transcript.support.TestChats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The transcript mail, sent later by the scheduled sender, continues the trace of the Mark Done that asked for it:
 * its outcome (transcript.sent, or transcript.failed should the mail server refuse) carries that trace on. Real
 * broker, database and SMTP server.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class,
        initArgs = @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "transcript"))
class TranscriptTraceTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @ConfigProperty(name = SwitchboardInfrastructure.KAFKA_BOOTSTRAP_SERVERS)
    String bootstrapServers;

    @ConfigProperty(name = SwitchboardInfrastructure.TOPIC_PREFIX)
    String prefix;

    @Test
    void theMailContinuesTheTraceOfMarkDone() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String markDoneSpan = traceId.substring(0, 16);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            TestChats chat = new TestChats(kafka, prefix);
            chat.requested("Jane Doe", TestChats.uniqueAddress("traced"), "en");
            chat.conversation("Jane Doe");
            chat.ended(6);
            EventEnvelope completed = Events.envelope(new ChatCompleted(chat.chatId, TestChats.AGENT_ID, "notes",
                    null, true, WorkflowDecision.NONE, null, Instant.now()), TestChats.PRODUCER);
            ProducerRecord<String, String> record = new ProducerRecord<>(prefix + completed.type(), chat.chatId,
                    Events.write(completed));
            record.headers().add(TraceContexts.TRACEPARENT,
                    ("00-" + traceId + "-" + markDoneSpan + "-01").getBytes(StandardCharsets.UTF_8));
            kafka.produceStrings().fromRecords(record).awaitCompletion();

            ConsumerTask<String, String> sent = kafka.consumeStrings()
                    .withGroupId("transcript-trace-" + UUID.randomUUID())
                    .withProp("auto.offset.reset", "earliest")
                    .fromTopics(prefix + "transcript.sent", prefix + "transcript.failed");
            try {
                await().atMost(DELIVERY).until(() -> !ofChat(sent, chat.chatId).isEmpty());
                Header traceparent = ofChat(sent, chat.chatId).get(0).headers().lastHeader(TraceContexts.TRACEPARENT);
                assertThat(traceparent).isNotNull();
                String[] parts = new String(traceparent.value(), StandardCharsets.UTF_8).split("-");
                assertThat(parts[1]).isEqualTo(traceId);
                // From the mail's own span, not from the consumer that recorded the request.
                assertThat(parts[2]).isNotEqualTo(markDoneSpan);
            } finally {
                sent.stop();
            }
        }
    }

    private static List<ConsumerRecord<String, String>> ofChat(ConsumerTask<String, String> task, String chatId) {
        return task.getRecords().stream().filter(r -> chatId.equals(r.key())).toList();
    }
}
