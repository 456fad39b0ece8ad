package io.switchboard.kit.outbox;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.kit.trace.TraceContexts;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records events in the outbox. Call it inside the transaction that makes the state change, so that the change
 * and its events commit or roll back together; {@link OutboxRelay} publishes them afterwards.
 */
@ApplicationScoped
public class EventOutbox {

    private final String source;

    public EventOutbox(@ConfigProperty(name = "quarkus.application.name") String source) {
        this.source = source;
    }

    public Uni<EventEnvelope> publish(SwitchboardEvent body) {
        return append(Events.envelope(body, source));
    }

    public Uni<EventEnvelope> publish(SwitchboardEvent body, EventType type) {
        return append(Events.envelope(body, type, source));
    }

    private Uni<EventEnvelope> append(EventEnvelope envelope) {
        OutboxEvent row = new OutboxEvent();
        row.id = envelope.id();
        row.topic = envelope.type();
        row.recordKey = envelope.interactionId() != null ? envelope.interactionId()
                : envelope.payload().key();
        row.eventType = envelope.type();
        row.payload = Events.write(envelope);
        row.createdAt = envelope.time();
        // The span of the request (or consumed event) causing this event: the relay puts it on the record, so the
        // consumers continue this trace although the send happens later, in another thread.
        TraceContexts.Carried trace = TraceContexts.current();
        if (trace != null) {
            row.traceParent = trace.traceParent();
            row.traceState = trace.traceState();
        }
        return row.persist().replaceWith(envelope);
    }
}
