package io.switchboard.kit.trace;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Keeps spans in the process while no collector is configured: as long as this bean can be looked up, Quarkus does
 * not install its OTLP exporter, which would otherwise send to its default endpoint (localhost:4317) and log a failure
 * every few seconds with nothing listening there. Trace ids still propagate (HTTP, Kafka headers, outbox) and appear
 * in the logs. Set {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} (or {@code ..._TRACES_ENDPOINT}) to anything but that
 * default and this bean steps aside: spans go there. (Quarkus reports the default as the value of an unset endpoint,
 * so "unset" is recognised as "equal to the default"; a collector beside the service is reached as
 * {@code http://127.0.0.1:4317}.)
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = NoTraceExport.QUARKUS_DEFAULT,
        lookupIfMissing = true)
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = NoTraceExport.QUARKUS_DEFAULT,
        lookupIfMissing = true)
public class NoTraceExport implements SpanExporter {

    /** Quarkus' default OTLP endpoint, which it reports for an endpoint nobody set. */
    static final String QUARKUS_DEFAULT = "http://localhost:4317/";

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
