package io.switchboard.session.ws;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Events;
import io.switchboard.kit.TemporaryFailures;
import io.switchboard.kit.limits.RateLimits;
import io.switchboard.kit.problem.ProblemException;
import io.switchboard.kit.problem.UnavailableConfig;
import io.switchboard.kit.trace.ChatLogContext;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.SessionConfig;
import io.switchboard.session.call.CallSignals;
import io.switchboard.session.call.WebCalls;
import io.switchboard.session.chat.ChatAccess;
import io.switchboard.session.chat.Messages;
import io.switchboard.session.chat.Participation;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.frames.Frames;
import io.switchboard.session.live.LiveDelivery;
import io.switchboard.session.live.SocketSession;
import io.switchboard.session.live.LiveSignals;
import io.switchboard.session.receipt.ReceiptResource;
import io.switchboard.session.receipt.Receipts;
import io.switchboard.session.supervision.Monitoring;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Handles client frames of both sockets with the same rules as REST. A bad frame gets an {@code error} frame; the
 * socket and the chat go on. The agent's socket carries many chats: its frames run in one lane per chat
 * ({@link FrameLanes}), in order within a chat and side by side across chats. The contact's socket has one chat, so
 * its frames run one after the other as they come.
 */
@ApplicationScoped
public class FrameHandler {

    private static final String MESSAGE = "message";
    private static final String TYPING = "typing";
    private static final String WHISPER = "whisper";
    /** Limit names of switchboard.limits.rules, shared with REST for messages. */
    private static final String MESSAGES_LIMIT = "messages";
    private static final String TYPING_LIMIT = "typing";
    private static final String CALL_SIGNAL = "call-signal";
    /** Signalling comes in bursts (ICE candidates): a limit of its own, far above typing's. */
    private static final String CALL_SIGNALS_LIMIT = "call-signals";
    private static final String RECEIVED = "received";
    private static final String READ = "read";

    private final Messages messages;
    private final Participation participation;
    private final Monitoring monitoring;
    private final ChatAccess access;
    private final LiveDelivery delivery;
    private final Transactions tx;
    private final LiveSignals liveSignals;
    private final WebCalls webCalls;
    private final CallSignals callSignals;
    private final Receipts receipts;
    private final RateLimits limits;
    private final Duration unavailableRetryAfter;
    private final Vertx vertx;
    private final int maxFramesInFlight;
    /** The lanes of agent sockets with frames queued or running, by connection id. */
    private final Map<String, FrameLanes> lanes = new ConcurrentHashMap<>();

    public FrameHandler(Messages messages, Participation participation, ChatAccess access, LiveDelivery delivery,
                        Transactions tx, LiveSignals liveSignals, RateLimits limits, Vertx vertx,
                        SessionConfig config,
                        UnavailableConfig unavailable, Monitoring monitoring, WebCalls webCalls,
                        CallSignals callSignals, Receipts receipts) {
        this.receipts = receipts;
        this.webCalls = webCalls;
        this.callSignals = callSignals;
        this.monitoring = monitoring;
        this.vertx = vertx;
        this.maxFramesInFlight = config.socketMaxFramesInFlight();
        this.limits = limits;
        this.unavailableRetryAfter = unavailable.retryAfter();
        this.liveSignals = liveSignals;
        this.messages = messages;
        this.participation = participation;
        this.access = access;
        this.delivery = delivery;
        this.tx = tx;
    }

    /** @param fixedChatId the chat of a contact socket; null on the agent socket, where each frame names its chat */
    public Uni<Void> handle(SocketSession session, String fixedChatId, String text) {
        ClientFrame frame;
        try {
            frame = Events.json().readValue(text, ClientFrame.class);
        } catch (Exception e) {
            session.send(new Frames.Error("bad-frame", "The frame is not valid JSON of a known shape.", null));
            return Uni.createFrom().voidItem();
        }
        String chatId = fixedChatId != null ? fixedChatId : frame.chatId();
        ChatLogContext.chat(chatId);
        if (frame.type() == null) {
            return fail(session, "bad-frame", "The frame has no type.", frame);
        }
        if (chatId == null || chatId.isBlank()) {
            return fail(session, "bad-frame", "The frame names no chatId.", frame);
        }
        if (MESSAGE.equals(frame.type()) || WHISPER.equals(frame.type()) || TYPING.equals(frame.type())
                || CALL_SIGNAL.equals(frame.type()) || RECEIVED.equals(frame.type()) || READ.equals(frame.type())) {
            String limit = TYPING.equals(frame.type()) ? TYPING_LIMIT
                    : CALL_SIGNAL.equals(frame.type()) ? CALL_SIGNALS_LIMIT
                    : RECEIVED.equals(frame.type()) || READ.equals(frame.type()) ? ReceiptResource.RECEIPTS_LIMIT
                    : MESSAGES_LIMIT;
            RateLimits.Decision allowed = limits.tryTake(limit, session.caller().id() + "/" + chatId);
            if (!allowed.allowed()) {
                session.send(new Frames.Error("rate-limited", "Too many " + frame.type() + " frames; send it again"
                        + " later.", frame.clientMessageId(), allowed.retryAfter()));
                return Uni.createFrom().voidItem();
            }
        }
        Supplier<Uni<Void>> work = switch (frame.type()) {
            case "resume" -> () -> resumeWaitingOut(session, chatId, frame);
            case MESSAGE -> () -> message(session, chatId, frame);
            case TYPING -> () -> typing(session, chatId, frame);
            case "leave" -> () -> participation.leave(chatId, session.caller());
            case "monitor" -> () -> monitor(session, chatId, frame);
            case "unmonitor" -> () -> monitoring.stop(chatId, session.caller()).replaceWithVoid();
            case WHISPER -> () -> whisper(session, chatId, frame);
            case "call-start" -> () -> webCalls.start(chatId, session.caller()).replaceWithVoid();
            case "call-answer" -> () -> webCalls.answer(chatId, session.caller(), frame.callId()).replaceWithVoid();
            case "call-decline" -> () -> webCalls.decline(chatId, session.caller(), frame.callId()).replaceWithVoid();
            case "call-hangup" -> () -> webCalls.hangUp(chatId, session.caller(), frame.callId()).replaceWithVoid();
            case CALL_SIGNAL -> () -> callSignals.relay(chatId, session.caller(), frame.callId(), frame.signal());
            case RECEIVED -> () -> receipt(session, chatId, frame, frame.seq(), null);
            case READ -> () -> receipt(session, chatId, frame, null, frame.seq());
            default -> null;
        };
        if (work == null) {
            return fail(session, "bad-frame", "Unknown frame type '" + frame.type() + "'.", frame);
        }
        if (fixedChatId != null) {
            return answered(session, frame, work.get());
        }
        return inLane(session, chatId, () -> answered(session, frame, work.get()));
    }

    /**
     * Queues the frame in its chat's lane of the socket; the lanes of a socket are forgotten when none has work, and
     * taken again under the same map entry's lock, so a lane never runs beside a forgotten lane of the same chat.
     */
    private Uni<Void> inLane(SocketSession session, String chatId, Supplier<Uni<Void>> work) {
        String socket = session.id();
        @SuppressWarnings("unchecked")
        Uni<Void>[] admitted = new Uni[1];
        lanes.compute(socket, (id, existing) -> {
            FrameLanes socketLanes = existing != null ? existing : new FrameLanes(vertx, maxFramesInFlight,
                    () -> lanes.computeIfPresent(id, (key, idle) -> idle.idle() ? null : idle));
            admitted[0] = socketLanes.submit(chatId, work);
            return socketLanes;
        });
        return admitted[0];
    }

    /** The frame's failures as error frames: the socket and the chat go on. */
    private Uni<Void> answered(SocketSession session, ClientFrame frame, Uni<Void> work) {
        return work.onFailure().recoverWithUni(failure -> {
            if (failure instanceof ProblemException problem) {
                return fail(session, problem.slug(), problem.getMessage(), frame);
            }
            if (TemporaryFailures.isTemporary(failure)) {
                // Nothing was stored: the client keeps the message and sends it again with its clientMessageId.
                Log.warnf("frame %s answered unavailable, a dependency is away: %s", frame.type(), failure.getMessage());
                session.send(new Frames.Error("unavailable", "The service cannot reach its database right now; send"
                        + " it again later.", frame.clientMessageId(), unavailableRetryAfter));
                return Uni.createFrom().voidItem();
            }
            Log.errorf(failure, "frame %s failed", frame.type());
            return fail(session, "internal", "The frame could not be processed.", frame);
        });
    }

    /**
     * A resume the database cannot answer now is tried again, every {@code retryAfter}, while the socket is open:
     * clients send it once (its error frame could name no chat), and a socket that never follows the chat would miss
     * its items until it reconnects. Resuming again is harmless: the feed never sends twice what the socket got.
     */
    private Uni<Void> resumeWaitingOut(SocketSession session, String chatId, ClientFrame frame) {
        return Uni.createFrom().deferred(() -> resume(session, chatId, frame))
                .onFailure(failure -> TemporaryFailures.isTemporary(failure) && !session.isClosed())
                .retry().withBackOff(unavailableRetryAfter, unavailableRetryAfter).indefinitely();
    }

    private Uni<Void> resume(SocketSession session, String chatId, ClientFrame frame) {
        long afterSeq = frame.afterSeq() == null ? 0 : frame.afterSeq();
        if (afterSeq < 0) {
            return fail(session, "bad-frame", "afterSeq must be 0 or more.", frame);
        }
        // The receipts are read once the socket follows the chat: a change committed later reaches it as a frame.
        return tx.read(() -> Chat.byId(chatId).chain(chat -> access.reader(chat, session.caller())))
                .chain(me -> delivery.resume(session, me, chatId, afterSeq))
                .chain(() -> tx.read(() -> Receipts.of(chatId)))
                .invoke(all -> delivery.resumeAnswer(session, new Frames.Receipts(chatId,
                        all.stream().map(FrameHandler::frame).toList())))
                .replaceWithVoid();
    }

    /**
     * A receipt: nothing is answered to the sender but refusals; the change comes back to every socket of the chat,
     * this one included, as a {@code receipt} frame. A seq out of range is a bad frame, as the frame cannot be right.
     */
    private Uni<Void> receipt(SocketSession session, String chatId, ClientFrame frame, Long delivered, Long read) {
        if (frame.seq() == null) {
            return fail(session, "bad-frame", "A " + frame.type() + " frame needs a seq.", frame);
        }
        return receipts.record(chatId, session.caller(), delivered, read).replaceWithVoid()
                .onFailure(ProblemException.class).recoverWithUni(failure -> {
                    ProblemException problem = (ProblemException) failure;
                    return problem.status() == Response.Status.BAD_REQUEST
                            ? fail(session, "bad-frame", problem.getMessage(), frame)
                            : Uni.createFrom().failure(problem);
                });
    }

    static Frames.Receipt frame(Receipts.Receipt r) {
        return new Frames.Receipt(r.chatId(), r.participantId(), r.role(), r.name(), r.deliveredSeq(), r.readSeq());
    }

    /** Starts monitoring (a supervisor only) and resumes the chat as an observer; stops when this socket closes. */
    private Uni<Void> monitor(SocketSession session, String chatId, ClientFrame frame) {
        return monitoring.start(chatId, session.caller())
                .invoke(() -> session.monitoring(chatId))
                .chain(() -> resume(session, chatId, frame));
    }

    private Uni<Void> whisper(SocketSession session, String chatId, ClientFrame frame) {
        return messages.whisper(chatId, session.caller(), frame.clientMessageId(), frame.text())
                .invoke(sent -> session.send(new Frames.Ack(chatId, frame.clientMessageId(), sent.item().seq())))
                .replaceWithVoid();
    }

    private Uni<Void> message(SocketSession session, String chatId, ClientFrame frame) {
        return messages.send(chatId, session.caller(), new Messages.Draft(frame.clientMessageId(), frame.text(),
                        frame.standardResponseId(), frame.pageUrl()))
                .invoke(sent -> session.send(new Frames.Ack(chatId, frame.clientMessageId(), sent.item().seq())))
                .replaceWithVoid();
    }

    private Uni<Void> typing(SocketSession session, String chatId, ClientFrame frame) {
        boolean typing = Boolean.TRUE.equals(frame.typing());
        return tx.read(() -> Chat.byId(chatId).chain(chat -> access.inOpenChat(chat, session.caller())))
                .invoke(me -> liveSignals.typing(new Frames.Typing(chatId, me.participantId, me.name, typing)))
                .replaceWithVoid();
    }

    private static Uni<Void> fail(SocketSession session, String code, String message, ClientFrame frame) {
        session.send(new Frames.Error(code, message, frame.clientMessageId()));
        return Uni.createFrom().voidItem();
    }
}
