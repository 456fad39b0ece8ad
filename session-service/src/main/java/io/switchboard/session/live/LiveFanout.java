package io.switchboard.session.live;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatEnded;
import io.switchboard.events.ChatMessage;
import io.switchboard.events.ChatParticipant;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.events.ParticipantChange;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.chat.Transactions;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.ChatState;
import io.switchboard.session.ws.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every instance reads the chat events (its own consumer group) and delivers them to the sockets connected to it;
 * so a contact on one instance and an agent on another see each other. Nothing here changes state.
 */
@ApplicationScoped
public class LiveFanout {

    private final LiveDelivery delivery;
    private final LocalSockets sockets;
    private final Transactions tx;

    public LiveFanout(LiveDelivery delivery, LocalSockets sockets, Transactions tx) {
        this.delivery = delivery;
        this.sockets = sockets;
        this.tx = tx;
    }

    @Incoming("live-fanout")
    public Uni<Void> on(String value) {
        if (sockets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        EventEnvelope envelope;
        try {
            envelope = Events.read(value);
        } catch (RuntimeException e) {
            Log.debugf("not delivered live: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return switch (EventType.of(envelope.type())) {
            case CHAT_MESSAGE -> {
                ChatMessage m = envelope.payload(ChatMessage.class);
                yield delivery.itemsCommitted(m.chatId(), m.seq());
            }
            case CHAT_PARTICIPANT -> participant(envelope.payload(ChatParticipant.class));
            case CHAT_ENDED -> {
                ChatEnded e = envelope.payload(ChatEnded.class);
                yield delivery.itemsCommitted(e.chatId(), e.seq())
                        .chain(() -> delivery.toPresent(e.chatId(), null, new Frames.State(e.chatId(),
                                ChatState.ENDED)));
            }
            case CHAT_ROUTED -> routed(envelope.payload(ChatRouted.class));
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> participant(ChatParticipant p) {
        Uni<Void> items = delivery.itemsCommitted(p.chatId(), p.seq());
        if (p.change() != ParticipantChange.AGENT_JOINED) {
            return items;
        }
        return items.chain(() -> delivery.toPresent(p.chatId(), null, new Frames.State(p.chatId(),
                ChatState.ACTIVE)));
    }

    private Uni<Void> routed(ChatRouted r) {
        switch (r.outcome()) {
            case QUEUED, OVERFLOWED -> delivery.toParticipant(Caller.contactId(r.chatId()),
                    new Frames.Queue(r.chatId(), r.position(), r.estimatedWaitSeconds()));
            case OFFERED -> {
                if (sockets.ofParticipant(r.agentId()).isEmpty()) {
                    return Uni.createFrom().voidItem();
                }
                return tx.read(() -> Chat.<Chat>findById(r.chatId())).invoke(chat -> {
                    if (chat != null) {
                        delivery.toParticipant(r.agentId(), new Frames.Offer(r.offerId(), r.chatId(), r.queue(),
                                r.offerKind(), chat.contactName, chat.subject, r.expiresAt(), r.requestedBy()));
                    }
                }).replaceWithVoid();
            }
            case ACCEPTED, REJECTED, TIMED_OUT -> delivery.toParticipant(r.agentId(),
                    new Frames.OfferClosed(r.offerId(), r.chatId(), r.outcome()));
            case FAILED -> {
                if (r.requestedBy() != null) {
                    delivery.toParticipant(r.requestedBy(), new Frames.RequestFailed(r.chatId(), r.requestId(),
                            r.reason()));
                }
            }
            default -> {
                // UNANSWERED and ABANDONED end the chat; its end notice arrives through chat.ended.
            }
        }
        return Uni.createFrom().voidItem();
    }
}
