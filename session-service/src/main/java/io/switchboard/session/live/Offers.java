package io.switchboard.session.live;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.OfferKind;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.FailedRequest;
import io.switchboard.session.domain.OpenOffer;
import io.switchboard.session.frames.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Routing's decisions as live frames: queue positions for the contact, offers and their end for agents, failed
 * requests for their requester; and the agent's open offers and recent failed requests again when the agent's socket
 * opens.
 */
@ApplicationScoped
public class Offers {

    private final LiveDelivery delivery;
    private final LiveReads reads;

    public Offers(LiveDelivery delivery, LiveReads reads) {
        this.delivery = delivery;
        this.reads = reads;
    }

    /**
     * An agent's socket opened: the offers routing made to the agent and that are still open (not closed, not expired,
     * chat still open) are sent again, so an offer made while the agent was away or reconnecting is not missed; so are
     * the agent's transfers and invitations that failed within {@code failed-request-replay}, chat still open.
     */
    public Uni<Void> replay(SocketSession session) {
        String agentId = session.caller().id();
        Instant now = Instant.now();
        return reads.read(() -> OpenOffer.of(agentId, now)
                        .chain(open -> FailedRequest.of(agentId, now).chain(failed -> withChats(open, failed))))
                .invoke(frames -> frames.forEach(session::send)).replaceWithVoid();
    }

    private static Uni<List<Record>> withChats(List<OpenOffer> open, List<FailedRequest> failed) {
        List<String> chatIds = Stream.concat(open.stream().map(o -> o.chatId), failed.stream().map(f -> f.chatId))
                .distinct().toList();
        return chatIds.isEmpty() ? Uni.createFrom().item(List.of())
                : Chat.<Chat>list("id in ?1", chatIds).map(chats -> frames(open, failed, chats));
    }

    /**
     * The open offers, then the failed requests (the requester's desk may have missed the live frame), of chats still
     * open; a client keeps one of each per offerId and requestId.
     */
    private static List<Record> frames(List<OpenOffer> open, List<FailedRequest> failed, List<Chat> chats) {
        Map<String, Chat> byId = chats.stream().collect(Collectors.toMap(c -> c.id, c -> c));
        Stream<Record> offers = open.stream().filter(o -> isOpen(byId, o.chatId))
                .<Record>map(o -> offer(o.offerId, o.chatId, o.queue, o.offerKind, byId.get(o.chatId), o.expiresAt,
                        o.requestedBy));
        Stream<Record> failures = failed.stream().filter(f -> isOpen(byId, f.chatId))
                .<Record>map(f -> new Frames.RequestFailed(f.chatId, f.requestId, f.reason));
        return Stream.concat(offers, failures).toList();
    }

    private static boolean isOpen(Map<String, Chat> chats, String chatId) {
        Chat chat = chats.get(chatId);
        return chat != null && chat.isOpen();
    }

    private static Frames.Offer offer(String offerId, String chatId, String queue, OfferKind kind, Chat chat,
                                      Instant expiresAt, String requestedBy) {
        return new Frames.Offer(offerId, chatId, queue, kind, chat.contactName, chat.subject, expiresAt, requestedBy);
    }

    Uni<Void> routed(ChatRouted r) {
        switch (r.outcome()) {
            case QUEUED, OVERFLOWED -> delivery.toParticipant(Caller.contactId(r.chatId()),
                    new Frames.Queue(r.chatId(), r.position(), r.estimatedWaitSeconds()));
            case OFFERED -> {
                if (!delivery.connected(r.agentId())) {
                    return Uni.createFrom().voidItem();
                }
                return reads.read(() -> Chat.<Chat>findById(r.chatId())).invoke(chat -> {
                    if (chat != null) {
                        delivery.toParticipant(r.agentId(), offer(r.offerId(), r.chatId(), r.queue(), r.offerKind(),
                                chat, r.expiresAt(), r.requestedBy()));
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
