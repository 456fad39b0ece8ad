package io.switchboard.session.live;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.CallUpdated;
import io.switchboard.events.ChatEnded;
import io.switchboard.events.ChatMessage;
import io.switchboard.events.ChatMonitoring;
import io.switchboard.events.ChatParticipant;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.events.ParticipantChange;
import io.switchboard.events.ReceiptUpdated;
import io.switchboard.kit.KafkaTopics;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.chat.TimelineItem;
import io.switchboard.session.domain.ChatState;
import io.switchboard.session.frames.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every instance reads the chat events (its own consumer group) and delivers them to the sockets connected to it;
 * so a contact on one instance and an agent on another see each other. A message or end of a chat that no socket
 * here follows is skipped from the record's key (the chat id) and topic alone, before its value is parsed: an
 * instance pays a map lookup for the traffic of other instances' sockets. Nothing here changes state. Receipts come
 * the same way ({@code chat.receipt.updated}, keyed by chat like the messages): in order per chat, and skipped from the
 * key by an instance whose sockets do not follow the chat.
 */
@ApplicationScoped
public class LiveFanout {

    private final LiveDelivery delivery;
    private final Offers offers;
    private final FanoutAssignment assignment;
    private final String topicPrefix;
    private final Map<String, Optional<EventType>> types = new ConcurrentHashMap<>();

    public LiveFanout(LiveDelivery delivery, Offers offers,
                      @Identifier(FanoutAssignment.NAME) FanoutAssignment assignment, KafkaTopics topics) {
        this.delivery = delivery;
        this.offers = offers;
        this.assignment = assignment;
        this.topicPrefix = topics.prefix();
    }

    @Incoming("live-fanout")
    public Uni<Void> on(ConsumerRecord<String, byte[]> record) {
        assignment.handed(record);
        EventType type = typeOf(record.topic());
        if (type == null || !wanted(type, record.key())) {
            return Uni.createFrom().voidItem();
        }
        EventEnvelope envelope;
        try {
            envelope = Events.read(new String(record.value(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            Log.debugf("not delivered live: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return switch (type) {
            case CHAT_MESSAGE -> delivery.itemCommitted(record.key(), item(envelope.payload(ChatMessage.class)));
            case CHAT_PARTICIPANT -> participant(envelope.payload(ChatParticipant.class));
            case CHAT_ENDED -> {
                ChatEnded e = envelope.payload(ChatEnded.class);
                yield delivery.committedUpTo(e.chatId(), e.seq())
                        .invoke(() -> delivery.toPresent(e.chatId(), null, new Frames.State(e.chatId(),
                                ChatState.ENDED)));
            }
            case CHAT_ROUTED -> offers.routed(envelope.payload(ChatRouted.class));
            case CHAT_CALL_UPDATED -> call(envelope.payload(CallUpdated.class));
            case CHAT_RECEIPT_UPDATED -> {
                ReceiptUpdated r = envelope.payload(ReceiptUpdated.class);
                delivery.toPresent(r.chatId(), null, new Frames.Receipt(r.chatId(), r.participantId(), r.role(),
                        r.name(), r.deliveredSeq(), r.readSeq()));
                yield Uni.createFrom().voidItem();
            }
            case CHAT_MONITORING -> {
                ChatMonitoring m = envelope.payload(ChatMonitoring.class);
                if (!m.started()) {
                    delivery.monitoringStopped(m.chatId(), m.supervisorId());
                }
                yield Uni.createFrom().voidItem();
            }
            default -> Uni.createFrom().voidItem();
        };
    }

    /**
     * The cheap test before any parsing. Messages and ends matter only to sockets that follow the chat; participant
     * changes also to the sockets of an agent who joins; routing decisions to agents' and contacts' sockets by id,
     * and to the offers this service keeps.
     */
    private boolean wanted(EventType type, String chatId) {
        return switch (type) {
            case CHAT_MESSAGE, CHAT_ENDED, CHAT_MONITORING, CHAT_CALL_UPDATED, CHAT_RECEIPT_UPDATED ->
                    delivery.followed(chatId);
            case CHAT_PARTICIPANT, CHAT_ROUTED -> true;
            default -> false;
        };
    }

    private EventType typeOf(String topic) {
        return types.computeIfAbsent(topic, t -> t.startsWith(topicPrefix)
                ? EventType.find(t.substring(topicPrefix.length())) : Optional.empty()).orElse(null);
    }

    private Uni<Void> participant(ChatParticipant p) {
        if (p.joined()) {
            delivery.joined(p.chatId(), p.participantId());
        }
        if (!delivery.followed(p.chatId())) {
            return Uni.createFrom().voidItem();
        }
        // The notice's sentence is not in the event: sockets behind read the notice from the database.
        Uni<Void> items = delivery.committedUpTo(p.chatId(), p.seq());
        if (p.change() != ParticipantChange.AGENT_JOINED) {
            return items;
        }
        return items.invoke(() -> delivery.toPresent(p.chatId(), null, new Frames.State(p.chatId(),
                ChatState.ACTIVE)));
    }

    /**
     * A call's step: its CALL notice (not in the event: sockets read it from the database, the event has no seq) and
     * the {@code call} frame, which pages use to ring, connect and hang up.
     */
    private Uni<Void> call(CallUpdated c) {
        String by = switch (c.state()) {
            case REQUESTED, RINGING -> c.agentId();
            case ANSWERED, DECLINED -> Caller.contactId(c.chatId());
            default -> c.endedBy();
        };
        return delivery.committedUpTo(c.chatId(), Long.MAX_VALUE).invoke(() -> delivery.toPresent(c.chatId(), null,
                new Frames.Call(c.chatId(), c.callId(), c.channel(), c.state(), c.agentId(), by, c.reason(),
                        c.durationSeconds(), c.at())));
    }

    /** The item of a message, as the timeline stores it (the event carries all of it). */
    static TimelineItem item(ChatMessage m) {
        return new TimelineItem(m.seq(), io.switchboard.session.domain.TimelineEntry.Kind.MESSAGE, m.sentAt(),
                m.messageId(), m.clientMessageId(), m.authorId(), m.authorName(), m.authorRole(), m.kind(), m.text(),
                m.url(), m.phoneNumbers() == null ? java.util.List.of() : m.phoneNumbers(), null, null, null, null,
                ChatMessage.isWhisper(m) ? Boolean.TRUE : null, null, null, null, null, null, null, m.attachment());
    }
}
