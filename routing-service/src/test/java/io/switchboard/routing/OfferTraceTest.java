package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.kit.trace.TraceContexts;
import io.switchboard.routing.support.RoutedRecords;
import io.switchboard.routing.support.SessionEvents;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A chat that waits (no agent free) is offered later by the background routing round, outside any span: the offer
 * still continues the chat's trace, from the trace context chat.requested carried when the request was queued.
 * Real broker and database.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class,
        initArgs = @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "routing"))
class OfferTraceTest extends RoutingTestBase {

    private static final Duration POLL = Duration.ofMillis(200);

    @Test
    void anOfferMadeLaterContinuesTheTraceOfTheRequest() throws Exception {
        String queue = unique("traced");
        String skill = queueWithSkill(queue, 600, null, 30);
        String chatId = "chat-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String senderSpan = traceId.substring(0, 16);
        String prefix = SwitchboardInfrastructure.topicPrefix();

        try (KafkaConsumer<String, String> reader = reader(prefix)) {
            EventEnvelope requested = Events.envelope(SessionEvents.request(chatId, queue), "session-service");
            ProducerRecord<String, String> record = new ProducerRecord<>(prefix + requested.type(), chatId,
                    Events.write(requested));
            record.headers().add(TraceContexts.TRACEPARENT,
                    ("00-" + traceId + "-" + senderSpan + "-01").getBytes(StandardCharsets.UTF_8));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", SwitchboardInfrastructure.kafkaBootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(record).get(RoutedRecords.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
            // Queued with nobody to take it; the agent who becomes ready later is offered it by the routing round.
            routed.await(chatId, RoutingOutcome.QUEUED);
            readyAgent("traced-agent", skill, 1);
            routed.await(chatId, RoutingOutcome.OFFERED);

            String traceparent = awaitOfferedTraceparent(reader, chatId);
            String[] parts = traceparent.split("-");
            assertThat(parts[1]).isEqualTo(traceId);
            assertThat(parts[2]).isNotEqualTo(senderSpan);
        }
    }

    private static KafkaConsumer<String, String> reader(String prefix) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SwitchboardInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "offer-trace-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(prefix + EventType.CHAT_ROUTED.topic()));
        return consumer;
    }

    private static String awaitOfferedTraceparent(KafkaConsumer<String, String> reader, String chatId) {
        String[] found = new String[1];
        await().atMost(RoutedRecords.PATIENCE).until(() -> {
            for (ConsumerRecord<String, String> record : reader.poll(POLL)) {
                if (chatId.equals(record.key()) && Events.read(record.value()).payload(ChatRouted.class).outcome()
                        == RoutingOutcome.OFFERED) {
                    found[0] = Optional.ofNullable(record.headers().lastHeader(TraceContexts.TRACEPARENT))
                            .map(Header::value).map(v -> new String(v, StandardCharsets.UTF_8)).orElse("none");
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
