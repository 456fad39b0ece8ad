package io.switchboard.session.frames;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.events.CallChannel;
import io.switchboard.events.CallState;
import io.switchboard.events.OfferKind;
import io.switchboard.events.ParticipantRole;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.session.chat.TimelineItem;
import io.switchboard.session.domain.ChatState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The server → client frames of both sockets (docs/api.md); each serialises with its {@code type}. A package of their
 * own: {@code ws} (the endpoints) uses {@code live} (delivery), and {@code live} must not use {@code ws} back.
 */
public final class Frames {

    private Frames() {
    }

    public record Item(String type, String chatId, TimelineItem item) {
        public Item(String chatId, TimelineItem item) {
            this("item", chatId, item);
        }
    }

    public record Ack(String type, String chatId, String clientMessageId, long seq) {
        public Ack(String chatId, String clientMessageId, long seq) {
            this("ack", chatId, clientMessageId, seq);
        }
    }

    public record Queue(String type, String chatId, Integer position, Integer estimatedWaitSeconds) {
        public Queue(String chatId, Integer position, Integer estimatedWaitSeconds) {
            this("queue", chatId, position, estimatedWaitSeconds);
        }
    }

    public record Typing(String type, String chatId, String participantId, String name, boolean typing) {
        public Typing(String chatId, String participantId, String name, boolean typing) {
            this("typing", chatId, participantId, name, typing);
        }
    }

    public record State(String type, String chatId, ChatState state) {
        public State(String chatId, ChatState state) {
            this("state", chatId, state);
        }
    }

    public record Offer(String type, String offerId, String chatId, String queue, OfferKind offerKind,
                        String contactName, String subject, Instant expiresAt, String requestedBy) {
        public Offer(String offerId, String chatId, String queue, OfferKind offerKind, String contactName,
                     String subject, Instant expiresAt, String requestedBy) {
            this("offer", offerId, chatId, queue, offerKind, contactName, subject, expiresAt, requestedBy);
        }
    }

    public record OfferClosed(String type, String offerId, String chatId, RoutingOutcome outcome) {
        public OfferClosed(String offerId, String chatId, RoutingOutcome outcome) {
            this("offer-closed", offerId, chatId, outcome);
        }
    }

    public record RequestFailed(String type, String chatId, String requestId, String reason) {
        public RequestFailed(String chatId, String requestId, String reason) {
            this("request-failed", chatId, requestId, reason);
        }
    }

    /**
     * A participant's receipts moved on (docs/api.md, receipts): to everyone who follows the chat, the participant's
     * own other sockets included. Watermarks only grow; a client keeps the highest it saw of each.
     */
    public record Receipt(String type, String chatId, String participantId, ParticipantRole role, String name,
                          long deliveredSeq, long readSeq) {
        public Receipt(String chatId, String participantId, ParticipantRole role, String name, long deliveredSeq,
                       long readSeq) {
            this("receipt", chatId, participantId, role, name, deliveredSeq, readSeq);
        }
    }

    /** Every participant's receipts, sent on resume so that a client shows exact ticks at once. */
    public record Receipts(String type, String chatId, List<Receipt> receipts) {
        public Receipts(String chatId, List<Receipt> receipts) {
            this("receipts", chatId, receipts);
        }
    }

    /**
     * A call of the chat changed state (docs/api.md, calls): to everyone who follows the chat, like its CALL notice.
     *
     * @param by who made the step happen: the agent (start), the contact (answer, decline), who hung up; absent for
     *           the system (ring timeout, telephony)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Call(String type, String chatId, String callId, CallChannel channel, CallState state,
                       String agentId, String by, String reason, Long durationSeconds, Instant at) {
        public Call(String chatId, String callId, CallChannel channel, CallState state, String agentId, String by,
                    String reason, Long durationSeconds, Instant at) {
            this("call", chatId, callId, channel, state, agentId, by, reason, durationSeconds, at);
        }
    }

    /**
     * A web call's signalling, relayed as sent to the call's other party only.
     *
     * @param from the participant id of the sender
     * @param to   the participant id it is for (the agent who placed the call, or the chat's contact)
     */
    public record CallSignal(String type, String chatId, String callId, String from, String to, JsonNode signal) {
        public CallSignal(String chatId, String callId, String from, String to, JsonNode signal) {
            this("call-signal", chatId, callId, from, to, signal);
        }
    }

    /**
     * @param retryAfterSeconds set when the refusal is temporary ({@code unavailable}, {@code rate-limited}): the
     *                          client sends the same frame again (same clientMessageId) after that many seconds
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String type, String code, String message, String clientMessageId, Long retryAfterSeconds) {
        public Error(String code, String message, String clientMessageId) {
            this("error", code, message, clientMessageId, null);
        }

        public Error(String code, String message, String clientMessageId, Duration retryAfter) {
            this("error", code, message, clientMessageId, Math.max(1, (retryAfter.toMillis() + 999) / 1000));
        }
    }
}
