package io.switchboard.kit.trace;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Keeps spans in the process while no collector is configured: as long as this bean can be looked up (neither
 * {@code quarkus.otel.exporter.otlp.endpoint} nor {@code ...traces.endpoint} is set), Quarkus does not install its
 * OTLP exporter, which would otherwise send to localhost:4317 and log a failure every few seconds when nothing
 * listens there. Trace ids still propagate (HTTP, Kafka headers, outbox) and appear in the logs. Set
 * {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} and this bean steps aside: spans go to that collector.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = NoTraceExport.UNSET, lookupIfMissing = true)
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = NoTraceExport.UNSET,
        lookupIfMissing = true)
public class NoTraceExport implements SpanExporter {

    /** Never a valid endpoint: any configured endpoint differs from it, which suppresses this bean. */
    static final String UNSET = "unset";

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
