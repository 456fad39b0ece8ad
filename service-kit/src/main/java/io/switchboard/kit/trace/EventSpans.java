package io.switchboard.kit.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.MDC;

/**
 * Applying one consumed event: a CONSUMER span whose parent is the trace context the record carries (the span of
 * the request or consumer that wrote the event into the producer's outbox), so one chat's work across services is
 * one trace; and the chat id and event id in the logging context (MDC) while it runs.
 *
 * <p>The span and the MDC entries stay current on the caller's Vert.x context until the event's work completes: the
 * work of a batch runs one event after the other on that context (never interleaved), so events the work writes to
 * the outbox carry this span, and its log lines name the chat. With tracing off the span is a no-op.
 */
@ApplicationScoped
public class EventSpans {

    /** MDC keys (also in the JSON logs of the prod profile); Quarkus adds traceId and spanId itself. */
    public static final String MDC_CHAT_ID = "chatId";
    public static final String MDC_EVENT_ID = "eventId";

    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    private static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    private static final AttributeKey<String> CHAT_ID = AttributeKey.stringKey("switchboard.chat.id");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("switchboard.event.type");
    private static final AttributeKey<Long> BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");

    private final Tracer tracer;

    public EventSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.switchboard.kit");
    }

    /**
     * Runs {@code work} (applying {@code envelope} for {@code consumer}) in the event's span and logging context.
     *
     * @param record the consumed record (its headers carry the parent), or null when only the value is known: the
     *               current context is the parent then
     */
    public <T> Uni<T> apply(String consumer, ConsumerRecord<String, String> record, EventEnvelope envelope,
                            Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Context parent = record == null ? Context.current()
                    : TraceContexts.fromHeaders(Context.current(), record.headers());
            String chatId = envelope.interactionId();
            var builder = tracer.spanBuilder((record != null ? record.topic() : envelope.type()) + " process")
                    .setParent(parent)
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute(SYSTEM, "kafka")
                    .setAttribute(OPERATION, "process")
                    .setAttribute(GROUP, consumer)
                    .setAttribute(MESSAGE_ID, envelope.id().toString())
                    .setAttribute(EVENT_TYPE, envelope.type());
            if (record != null) {
                builder.setAttribute(DESTINATION, record.topic())
                        .setAttribute(PARTITION, (long) record.partition())
                        .setAttribute(OFFSET, record.offset());
            }
            if (chatId != null) {
                builder.setAttribute(CHAT_ID, chatId);
            }
            putMdc(MDC_CHAT_ID, chatId);
            putMdc(MDC_EVENT_ID, envelope.id().toString());
            return within(builder.startSpan(), work, () -> {
                MDC.remove(MDC_CHAT_ID);
                MDC.remove(MDC_EVENT_ID);
            });
        });
    }

    /**
     * Runs {@code work} (applying the events of {@code records}, all of one type, together for {@code consumer}) in
     * one span of the batch, linked to the trace context each record carries (the messaging conventions' batch
     * process span): each event's trace still leads to the work that applied it.
     */
    public <T> Uni<T> applyAll(String consumer, String type, List<ConsumerRecord<String, String>> records,
                               Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            var builder = tracer.spanBuilder(records.get(0).topic() + " process")
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute(SYSTEM, "kafka")
                    .setAttribute(OPERATION, "process")
                    .setAttribute(GROUP, consumer)
                    .setAttribute(DESTINATION, records.get(0).topic())
                    .setAttribute(EVENT_TYPE, type)
                    .setAttribute(BATCH_COUNT, (long) records.size());
            for (ConsumerRecord<String, String> record : records) {
                var linked = Span.fromContext(TraceContexts.fromHeaders(Context.root(), record.headers()))
                        .getSpanContext();
                if (linked.isValid()) {
                    builder.addLink(linked);
                }
            }
            return within(builder.startSpan(), work, () -> { });
        });
    }

    /** Runs {@code work} with {@code span} current; ends it (with the failure, if any) when the work completes. */
    private static <T> Uni<T> within(Span span, Supplier<Uni<T>> work, Runnable afterwards) {
        Scope scope = span.makeCurrent();
        Uni<T> running;
        try {
            running = work.get();
        } catch (RuntimeException e) {
            running = Uni.createFrom().failure(e);
        }
        return running.onTermination().invoke((item, failure, cancelled) -> {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, failure.getMessage());
            }
            span.end();
            scope.close();
            afterwards.run();
        });
    }

    private static void putMdc(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
