package io.switchboard.routing.dispatch;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.RoutingCandidate;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.kit.trace.TraceContexts;
import io.switchboard.kit.tx.NativeSql;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.offer.Offer;
import io.switchboard.routing.offer.OfferStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Offers a request to an agent whose row the caller has locked and checked. */
@ApplicationScoped
public class Offering {

    /**
     * The eligible agents of request {@code r}, ranked as the dispatcher ranks them (those not yet offered this chat, then idle longest) with the chosen
     * one first (another replica may hold an agent idle longer), and each one's level in the skills asked for.
     */
    private static final String CANDIDATES = """
            select a.id, a.idle_since, a.workload, a.capacity,
                   (select coalesce(sum(cast(cast(a.skills as jsonb) ->> need.skill as integer)), 0)
                    from jsonb_array_elements_text(cast(q.required_skills as jsonb) || cast(r.extra_skills as jsonb))
                         need(skill)) as skill_level
            from agent a, routing_request r join routing_queue q on q.name = r.queue
            where r.id = $1 and (a.id = $2 or %s)
            order by a.id = $2 desc, %s, a.idle_since, a.id
            limit $3""".formatted(Dispatcher.ELIGIBLE, Dispatcher.OFFERED_BEFORE);

    private static final AttributeKey<String> CHAT_ID = AttributeKey.stringKey("switchboard.chat.id");

    private final EventOutbox outbox;
    private final Tracer tracer;
    private final int explainCandidates;
    private final String candidatesQuery;

    public Offering(EventOutbox outbox, RoutingConfig config, OpenTelemetry openTelemetry) {
        this.outbox = outbox;
        this.tracer = openTelemetry.getTracer("io.switchboard.routing");
        this.explainCandidates = config.explainCandidates();
        this.candidatesQuery = Dispatcher.configured(CANDIDATES, config);
    }

    public Uni<Offer> offer(RoutingRequest request, Agent agent, Duration timeout) {
        Instant now = Instant.now();
        // Read before the offer changes the agent's load and idle time: the figures the choice was made on.
        return candidates(request, agent, now).chain(candidates -> {
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
                    .call(() -> publish(request, Decisions.offered(RoutingOutcome.OFFERED, request, offer, agent,
                            why(candidates), candidates, now)));
        });
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

    /** Null for an offer to a named agent (nobody else was considered) or when explanations are off. */
    private Uni<List<RoutingCandidate>> candidates(RoutingRequest request, Agent chosen, Instant now) {
        if (request.directed() || explainCandidates <= 0) {
            return Uni.createFrom().nullItem();
        }
        return NativeSql.rows(candidatesQuery, request.id, chosen.id, explainCandidates)
                .map(rows -> rows.stream().map(row -> new RoutingCandidate((String) row[0],
                        idleSeconds(row[1], now), ((Number) row[4]).intValue(), ((Number) row[2]).intValue(),
                        ((Number) row[3]).intValue(), chosen.id.equals(row[0]))).toList());
    }

    /** For people: why this agent, e.g. "idle longest of 3 eligible (idle 42 s, skill 5, load 0/3)". */
    static String why(List<RoutingCandidate> candidates) {
        if (candidates == null || candidates.isEmpty()) {
            return null;
        }
        RoutingCandidate chosen = candidates.get(0);
        boolean idlest = candidates.stream().allMatch(c -> c.idleSeconds() <= chosen.idleSeconds());
        return (idlest ? "idle longest" : "first free (an agent idle longer was being offered another chat)")
                + " of " + candidates.size() + " eligible (idle " + chosen.idleSeconds() + " s, skill "
                + chosen.skillLevel() + ", load " + chosen.load() + "/" + chosen.capacity() + ")";
    }

    private static long idleSeconds(Object idleSince, Instant now) {
        Instant since = idleSince instanceof Instant i ? i
                : idleSince instanceof OffsetDateTime o ? o.toInstant()
                : idleSince instanceof java.sql.Timestamp t ? t.toInstant()
                : idleSince instanceof java.time.LocalDateTime l ? l.toInstant(java.time.ZoneOffset.UTC)
                : null;
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toSeconds());
    }
}
