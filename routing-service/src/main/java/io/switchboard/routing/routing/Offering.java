package io.switchboard.routing.routing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.kit.trace.TraceContexts;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.offer.Offer;
import io.switchboard.routing.offer.OfferStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Offers a request to an agent whose row the caller has locked and checked. */
@ApplicationScoped
public class Offering {

    private static final AttributeKey<String> CHAT_ID = AttributeKey.stringKey("switchboard.chat.id");

    private final EventOutbox outbox;
    private final Tracer tracer;

    public Offering(EventOutbox outbox, OpenTelemetry openTelemetry) {
        this.outbox = outbox;
        this.tracer = openTelemetry.getTracer("io.switchboard.routing");
    }

    public Uni<Offer> offer(RoutingRequest request, Agent agent, Duration timeout) {
        Instant now = Instant.now();
        Offer offer = new Offer();
        offer.id = UUID.randomUUID();
        offer.routingRequestId = request.id;
        offer.chatId = request.chatId;
        offer.agentId = agent.id;
        offer.kind = request.kind;
        offer.queue = request.queue;
        offer.status = OfferStatus.OPEN;
        offer.offeredAt = now;
        offer.expiresAt = now.plus(timeout);
        agent.workload++;
        agent.idleSince = now;
        request.status = RequestStatus.OFFERED;
        return offer.<Offer>persist()
                // Written now, so that the next candidate query of this transaction sees the agent's new workload.
                .call(Panache::flush)
                .call(() -> publish(request, Decisions.aboutOffer(RoutingOutcome.OFFERED, request, offer, agent, null,
                        now)));
    }

    /**
     * In the span that queued the request (an agent was free at once) the offer is part of that span already.
     * Otherwise (the background routing round, whatever context it runs in) the offer gets a span of its own whose
     * parent is the span that queued the request, and its chat.routed carries it on: the chat's trace goes on
     * through the offer however long the chat waited.
     */
    private Uni<?> publish(RoutingRequest request, ChatRouted offered) {
        Context queuedBy = TraceContexts.of(request.traceParent, request.traceState);
        if (queuedBy == null || Span.fromContext(queuedBy).getSpanContext().getSpanId()
                .equals(Span.current().getSpanContext().getSpanId())) {
            return outbox.publish(offered);
        }
        Span span = tracer.spanBuilder("routing offer").setParent(queuedBy).setAttribute(CHAT_ID, request.chatId)
                .startSpan();
        // The outbox row takes the current span when publish() is called: current only for that call.
        try (Scope ignored = span.makeCurrent()) {
            return outbox.publish(offered).onTermination().invoke(span::end);
        }
    }
}
