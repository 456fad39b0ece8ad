package io.switchboard.kit.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context (traceparent, tracestate) of an event: taken from the current span when the event is written
 * to the outbox, carried as Kafka record headers by the relay, read back by the consumer. W3C is fixed here (not the
 * configured propagators) because it is what the outbox columns and the record headers store.
 */
public final class TraceContexts {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContexts() {
    }

    /** The trace context of one event, as stored with its outbox row. */
    public record Carried(String traceParent, String traceState) {
    }

    /** The current span's context, or null when there is none (tracing off, nothing traced): costs nothing then. */
    public static Carried current() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT) == null ? null
                : new Carried(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /**
     * The context a stored trace context stands for (its remote span as the current one), for work done later on
     * behalf of what stored it; null stays null.
     */
    public static Context of(String traceParent, String traceState) {
        if (traceParent == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        carrier.put(TRACEPARENT, traceParent);
        if (traceState != null) {
            carrier.put(TRACESTATE, traceState);
        }
        return W3C.extract(Context.root(), carrier, MAP);
    }

    /** {@code base} with the span context of a record's headers, if they carry one. */
    public static Context fromHeaders(Context base, Headers headers) {
        return headers == null ? base : W3C.extract(base, headers, KAFKA_HEADERS);
    }
}
