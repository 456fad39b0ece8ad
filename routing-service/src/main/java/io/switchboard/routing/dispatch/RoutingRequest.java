package io.switchboard.routing.dispatch;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.switchboard.events.OfferKind;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.kit.trace.TraceContexts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Something to route: a new chat, or a transfer or conference invitation (to a queue, or to one named agent).
 * Its rows double as durable timers: {@link #deadline} is polled, so a restart loses no wait.
 */
@Entity
@Table(name = "routing_request")
public class RoutingRequest extends PanacheEntityBase {

    private static final String VISITED_SEPARATOR = ",";

    @Id
    public UUID id;

    @Column(name = "chat_id")
    public String chatId;

    @Enumerated(EnumType.STRING)
    public OfferKind kind;

    @Enumerated(EnumType.STRING)
    public RequestStatus status;

    /** The queue it waits in; for a directed request, the chat's queue (for figures), possibly null. */
    public String queue;

    /** Set when offered to this one agent only. */
    @Column(name = "target_agent_id")
    public String targetAgentId;

    /** The transfer or conference request id, echoed in every decision so session-service can tell the asker. */
    @Column(name = "request_id")
    public String requestId;

    @Column(name = "requested_by")
    public String requestedBy;

    /** When the contact started waiting; kept when a chat is transferred to a queue or overflows. */
    @Column(name = "waiting_since")
    public Instant waitingSince;

    @Column(name = "queue_entered_at")
    public Instant queueEnteredAt;

    /** When waiting in the current queue ends: overflow, or nobody available. */
    public Instant deadline;

    /** Queues already tried, so that overflow never loops. */
    @Column(name = "visited_queues")
    public String visitedQueues;

    /** The position last announced to the contact. */
    @Column(name = "last_position")
    public Integer lastPosition;

    @Enumerated(EnumType.STRING)
    public RoutingOutcome outcome;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** Added to the queue's priority by the queue's attached-data rules (DataRules). */
    @Column(name = "priority_boost")
    public int priorityBoost;

    /** Skills the agent needs on top of the queue's (attached-data rules), a JSON array. */
    @Column(name = "extra_skills")
    public String extraSkills = "[]";

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The trace of the work that queued the request: a later offer continues it (null when nothing was traced). */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "trace_state")
    public String traceState;

    public boolean directed() {
        return targetAgentId != null;
    }

    public boolean visited(String queueName) {
        return Arrays.asList(visitedQueues.split(VISITED_SEPARATOR)).contains(queueName);
    }

    public void moveTo(String nextQueue, Instant now, Instant nextDeadline) {
        queue = nextQueue;
        visitedQueues = visitedQueues + VISITED_SEPARATOR + nextQueue;
        queueEnteredAt = now;
        deadline = nextDeadline;
        lastPosition = null;
        status = RequestStatus.WAITING;
    }

    public void finish(RoutingOutcome result, Instant now) {
        status = RequestStatus.DONE;
        outcome = result;
        finishedAt = now;
        if (result == RoutingOutcome.ACCEPTED) {
            answeredAt = now;
        }
    }

    public static RoutingRequest waiting(String chatId, OfferKind kind, String queue, Instant waitingSince,
                                         Instant now, Instant deadline) {
        RoutingRequest request = new RoutingRequest();
        request.id = UUID.randomUUID();
        request.chatId = chatId;
        request.kind = kind;
        request.status = RequestStatus.WAITING;
        request.queue = queue;
        request.waitingSince = waitingSince;
        request.queueEnteredAt = now;
        request.deadline = deadline;
        request.visitedQueues = queue == null ? "" : queue;
        TraceContexts.Carried trace = TraceContexts.current();
        if (trace != null) {
            request.traceParent = trace.traceParent();
            request.traceState = trace.traceState();
        }
        return request;
    }
}
