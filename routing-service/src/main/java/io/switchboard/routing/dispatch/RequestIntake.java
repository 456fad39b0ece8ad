package io.switchboard.routing.dispatch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatDataChanged;
import io.switchboard.events.ChatRequested;
import io.switchboard.events.OfferKind;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.events.TargetType;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.agent.Agent;
import io.switchboard.routing.agent.AgentRole;
import io.switchboard.routing.agent.AgentState;
import io.switchboard.routing.queue.DataRules;
import io.switchboard.routing.queue.OpeningTimes;
import io.switchboard.routing.queue.RoutingQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Takes in what is to be routed: new chats, and transfers and conference invitations. Runs inside the consuming
 * transaction; requests to a queue wait for the {@link Dispatcher}, requests to a named agent are offered at once.
 */
@ApplicationScoped
public class RequestIntake {

    private final RoutingConfig config;
    private final QueuePositions positions;
    private final Offering offering;
    private final EventOutbox outbox;
    private final Dispatcher dispatcher;
    private final DataRules dataRules;
    private final OpeningTimes openingTimes;

    public RequestIntake(RoutingConfig config, QueuePositions positions, Offering offering, EventOutbox outbox,
                         Dispatcher dispatcher, OpeningTimes openingTimes) {
        this.openingTimes = openingTimes;
        this.config = config;
        this.positions = positions;
        this.offering = offering;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.dataRules = new DataRules(config.dataRules().values().stream().map(r -> new DataRules.Rule(r.queue(),
                r.key(), r.value(), r.priority(), r.skill())).toList());
    }

    /** A new chat enters its queue, once per chat id however often the event is delivered. */
    public Uni<Void> chatRequested(ChatRequested event) {
        // Under the chat's lock: a chat.ended being applied at the same time is either seen here or sees this request.
        return Rows.lockChat(event.chatId()).chain(() -> RoutingRequest.count("chatId = ?1 and kind = ?2", event.chatId(), OfferKind.CHAT).chain(known -> {
            if (known > 0) {
                return Uni.createFrom().voidItem();
            }
            return Panache.getSession().chain(session -> session.find(EndedChat.class, event.chatId()))
                    .chain(ended -> ended != null ? enqueueAbandoned(event)
                            : queueFor(event.queue()).chain(queue -> enqueueIfOpen(event, queue)));
        }));
    }

    /**
     * session-service refuses chat requests while the queue is closed; a request that raced the closing (or reached
     * session-service before it learnt the new hours) ends here UNANSWERED with the reason, never queued.
     */
    private Uni<Void> enqueueIfOpen(ChatRequested event, RoutingQueue queue) {
        if (queue == null) {
            return enqueue(event, null);
        }
        Instant now = Instant.now();
        return openingTimes.at(queue.name, now).chain(at -> {
            if (at.open()) {
                return enqueue(event, queue);
            }
            RoutingRequest request = RoutingRequest.waiting(event.chatId(), OfferKind.CHAT, queue.name,
                    waitingSince(event, now), now, now);
            request.finish(RoutingOutcome.UNANSWERED, now);
            String reason = "Queue '" + queue.name + "' is closed"
                    + (at.opensAt() == null ? "." : "; it opens at " + at.opensAt() + ".");
            return request.persist().chain(() -> outbox.publish(Decisions.finished(RoutingOutcome.UNANSWERED,
                    request, reason, now))).replaceWithVoid();
        });
    }

    private Uni<Void> enqueue(ChatRequested event, RoutingQueue queue) {
        Instant now = Instant.now();
        if (queue == null) {
            RoutingRequest request = RoutingRequest.waiting(event.chatId(), OfferKind.CHAT, config.defaultQueue(),
                    waitingSince(event, now), now, now);
            request.finish(RoutingOutcome.UNANSWERED, now);
            return request.persist().chain(() -> outbox.publish(Decisions.finished(RoutingOutcome.UNANSWERED,
                    request, "Neither queue '" + event.queue() + "' nor the default queue exists.", now)))
                    .replaceWithVoid();
        }
        RoutingRequest request = RoutingRequest.waiting(event.chatId(), OfferKind.CHAT, queue.name,
                waitingSince(event, now), now, now.plus(queue.maxWait()));
        DataRules.Effect effect = dataRules.effect(queue.name, event.data());
        request.priorityBoost = effect.priorityBoost();
        request.extraSkills = JsonColumns.write(effect.skills());
        String reason = queue.name.equals(event.queue()) ? null : blank(event.queue())
                ? "No queue was named; routed to " + queue.name + "."
                : "Queue '" + event.queue() + "' does not exist; routed to " + queue.name + ".";
        return request.persist().chain(() -> positions.announce(request, reason))
                .chain(() -> dispatcher.offerNow(request, queue)).replaceWithVoid();
    }

    /**
     * The chat's attached data changed while it may still wait: its waiting chat request takes the rules' new effect
     * (an open offer is left as it is; a transfer routes by its own queue). Nothing to do once it was answered.
     */
    public Uni<Void> dataChanged(ChatDataChanged event) {
        return Rows.lockChat(event.chatId()).chain(() -> RoutingRequest.<RoutingRequest>list(
                        "chatId = ?1 and kind = ?2 and status = ?3 and targetAgentId is null", event.chatId(),
                        OfferKind.CHAT, RequestStatus.WAITING))
                .invoke(waiting -> waiting.forEach(request -> {
                    DataRules.Effect effect = dataRules.effect(request.queue, event.data());
                    request.priorityBoost = effect.priorityBoost();
                    request.extraSkills = JsonColumns.write(effect.skills());
                }))
                .replaceWithVoid();
    }

    /** chat.ended overtook chat.requested: record the chat as abandoned, never queue it. */
    private Uni<Void> enqueueAbandoned(ChatRequested event) {
        Instant now = Instant.now();
        String queue = blank(event.queue()) ? config.defaultQueue() : event.queue();
        RoutingRequest request = RoutingRequest.waiting(event.chatId(), OfferKind.CHAT, queue,
                waitingSince(event, now), now, now);
        request.finish(RoutingOutcome.ABANDONED, now);
        return request.persist().chain(() -> outbox.publish(Decisions.finished(RoutingOutcome.ABANDONED, request,
                "The contact left before the chat was queued.", now))).replaceWithVoid();
    }

    private Uni<RoutingQueue> queueFor(String name) {
        Uni<RoutingQueue> named = blank(name) ? Uni.createFrom().nullItem() : RoutingQueue.findById(name);
        return named.chain(queue -> queue != null ? Uni.createFrom().item(queue)
                : RoutingQueue.findById(config.defaultQueue()));
    }

    /** A transfer or conference invitation to a queue, an agent or a supervisor. */
    public Uni<Void> escalation(Escalation asked) {
        return Rows.lockChat(asked.chatId()).chain(() -> RoutingRequest.count("requestId", asked.requestId()))
                .chain(known -> {
            if (known > 0) {
                return Uni.createFrom().voidItem();
            }
            return Panache.getSession().chain(session -> session.find(EndedChat.class, asked.chatId()))
                    .chain(ended -> ended != null ? refuse(asked, "The chat has ended.")
                            : Rows.lockOpenRequest(asked.chatId()).chain(open -> open != null
                            ? refuse(asked, "Another transfer or invitation is waiting for an answer.")
                            : asked.targetType() == TargetType.QUEUE ? toQueue(asked) : toAgent(asked)));
                });
    }

    private Uni<Void> toQueue(Escalation asked) {
        return RoutingQueue.<RoutingQueue>findById(asked.targetId()).chain(queue -> {
            if (queue == null) {
                return refuse(asked, "Queue '" + asked.targetId() + "' does not exist.");
            }
            // The chat re-enters with the contact's original waiting time, ahead of chats that came later.
            return RoutingRequest.<RoutingRequest>find("chatId = ?1 and kind = ?2", asked.chatId(), OfferKind.CHAT)
                    .firstResult()
                    .chain(original -> {
                        Instant now = Instant.now();
                        RoutingRequest request = RoutingRequest.waiting(asked.chatId(), asked.kind(), queue.name,
                                original != null ? original.waitingSince : now, now, now.plus(queue.maxWait()));
                        request.requestId = asked.requestId();
                        request.requestedBy = asked.requestedBy();
                        return request.persist().chain(() -> positions.announce(request, null));
                    });
        });
    }

    private Uni<Void> toAgent(Escalation asked) {
        if (asked.targetId().equals(asked.requestedBy())) {
            return refuse(asked, "You cannot send a chat to yourself.");
        }
        return Rows.lockAgent(asked.targetId()).chain(agent -> {
            if (agent == null) {
                return refuse(asked, "There is no agent '" + asked.targetId() + "'.");
            }
            if (asked.targetType() == TargetType.SUPERVISOR && agent.role != AgentRole.SUPERVISOR) {
                return refuse(asked, agent.name + " is not a supervisor.");
            }
            if (agent.state != AgentState.READY || !agent.hasRoom()
                    || config.presence().required() && !agent.desktopConnected) {
                return refuse(asked, agent.name + " is not available.");
            }
            return Assignment.count("chatId = ?1 and agentId = ?2 and releasedAt is null", asked.chatId(), agent.id)
                    .chain(held -> held > 0 ? refuse(asked, agent.name + " is already in this chat.")
                            : offerToNamed(asked, agent));
        });
    }

    private Uni<Void> offerToNamed(Escalation asked, Agent agent) {
        Uni<RoutingQueue> queue = asked.fromQueue() == null ? Uni.createFrom().nullItem()
                : RoutingQueue.findById(asked.fromQueue());
        return queue.chain(fromQueue -> {
            Instant now = Instant.now();
            Duration timeout = fromQueue != null ? fromQueue.offerTimeout() : config.defaultOfferTimeout();
            RoutingRequest request = RoutingRequest.waiting(asked.chatId(), asked.kind(), asked.fromQueue(), now, now,
                    now.plus(timeout));
            request.targetAgentId = agent.id;
            request.requestId = asked.requestId();
            request.requestedBy = asked.requestedBy();
            return request.persist().chain(() -> offering.offer(request, agent, timeout)).replaceWithVoid();
        });
    }

    private Uni<Void> refuse(Escalation asked, String reason) {
        return outbox.publish(Decisions.refused(asked.chatId(), asked.fromQueue(), asked.kind(), asked.requestId(),
                asked.requestedBy(), reason, Instant.now())).replaceWithVoid();
    }

    private static Instant waitingSince(ChatRequested event, Instant now) {
        return event.requestedAt() != null && event.requestedAt().isBefore(now) ? event.requestedAt() : now;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
