package io.switchboard.workflow.trace;

import static io.switchboard.workflow.Actors.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.WorkflowDecision;
import io.switchboard.kit.trace.TraceContexts;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.workflow.Database;
import io.switchboard.workflow.KafkaEvents;
import io.switchboard.workflow.Strategies;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * One trace across the outbox and a real broker hop: the W3C trace context a record carries becomes the parent of
 * the consumer's span, the events the consumer writes carry that span on through the outbox and the relay, and a
 * REST request's span reaches the records it causes. Spans are read from an in-memory exporter; Kafka and
 * PostgreSQL are the real ones.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "workflow"),
        @ResourceArg(name = SwitchboardInfrastructure.TOPICS_ARG, value = "dlq.workflow-service")})
class TracePropagationTest {

    private static final AttributeKey<String> CHAT_ID = AttributeKey.stringKey("switchboard.chat.id");

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aConsumedEventContinuesItsTraceThroughTheOutboxToTheNextRecord() {
        String queue = Strategies.freshQueue();
        String chat = KafkaEvents.newChatId();
        String traceId = hex(16);
        String senderSpanId = hex(8);
        try (KafkaEvents kafka = new KafkaEvents(EventType.WORKFLOW_QUEUED)) {
            // As session-service's relay sends Mark Done: the trace of the agent's request rides in the headers.
            RecordHeaders headers = new RecordHeaders();
            headers.add(TraceContexts.TRACEPARENT, ("00-" + traceId + "-" + senderSpanId + "-01")
                    .getBytes(StandardCharsets.UTF_8));
            EventEnvelope completed = kafka.completed(chat, WorkflowDecision.PARK, queue, headers);

            await().atMost(KafkaEvents.PATIENCE).until(() -> !kafka.records(EventType.WORKFLOW_QUEUED, chat).isEmpty());
            SpanData consumed = awaitSpan(span -> span.getKind() == SpanKind.CONSUMER
                    && chat.equals(span.getAttributes().get(CHAT_ID))
                    && span.getName().startsWith(SwitchboardInfrastructure.topic("chat.completed")));

            assertThat(consumed.getTraceId()).isEqualTo(traceId);
            assertThat(consumed.getParentSpanId()).isEqualTo(senderSpanId);
            assertThat(consumed.getAttributes().get(AttributeKey.stringKey("messaging.message.id")))
                    .isEqualTo(completed.id().toString());
            // The park wrote workflow.queued inside that span: its record continues the same trace, from it.
            ConsumerRecord<String, String> queued = kafka.records(EventType.WORKFLOW_QUEUED, chat).get(0);
            assertThat(header(queued, TraceContexts.TRACEPARENT))
                    .hasValue("00-" + traceId + "-" + consumed.getSpanId() + "-01");
        }
    }

    @Test
    void aRequestsTraceReachesTheRecordsItCauses() {
        String queue = Strategies.freshQueue();
        String chat = KafkaEvents.newChatId();
        try (KafkaEvents kafka = new KafkaEvents(EventType.WORKFLOW_CLAIMED)) {
            kafka.requested(chat, "Dana Scully", "sales");
            kafka.completed(chat, WorkflowDecision.PARK, queue);
            await().atMost(KafkaEvents.PATIENCE).until(() -> Database.items(chat) == 1);

            ALICE.request().post("/api/workflow/queues/" + queue + "/claim").then().statusCode(200);

            await().atMost(KafkaEvents.PATIENCE).until(() -> !kafka.records(EventType.WORKFLOW_CLAIMED, chat).isEmpty());
            Optional<String> traceparent = header(kafka.records(EventType.WORKFLOW_CLAIMED, chat).get(0),
                    TraceContexts.TRACEPARENT);
            assertThat(traceparent).isPresent();
            String traceId = traceparent.get().split("-")[1];
            SpanData request = awaitSpan(span -> span.getKind() == SpanKind.SERVER
                    && span.getTraceId().equals(traceId));
            assertThat(request.getName()).contains("/claim");
        }
    }

    private SpanData awaitSpan(java.util.function.Predicate<SpanData> wanted) {
        await().atMost(KafkaEvents.PATIENCE).until(() -> spans.getFinishedSpanItems().stream().anyMatch(wanted));
        List<SpanData> found = spans.getFinishedSpanItems().stream().filter(wanted).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Optional<String> header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }

    private static String hex(int bytes) {
        StringBuilder out = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < bytes; i++) {
            out.append(String.format("%02x", random.nextInt(256)));
        }
        return out.toString();
    }
}
