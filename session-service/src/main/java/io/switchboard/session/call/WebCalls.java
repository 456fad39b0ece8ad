package io.switchboard.session.call;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.CallChannel;
import io.switchboard.events.CallState;
import io.switchboard.kit.problem.ProblemException;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.chat.ChatAccess;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.Participant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.util.UUID;

/**
 * Web calls: audio between the agent's and the contact's browsers (WebRTC). This service only keeps the call's state
 * and relays its signalling (see {@link CallSignals}); the audio goes from browser to browser. The agent who is in the
 * chat starts it, the chat's contact answers or declines, either of the two hangs up. One live web call per chat.
 */
@ApplicationScoped
public class WebCalls {

    /** Reason codes of chat.call.updated (see io.switchboard.events.CallUpdated). */
    public static final String HUNG_UP = "hung-up";
    public static final String DECLINED = "declined";
    public static final String CANCELLED = "cancelled";
    public static final String NO_ANSWER = "no-answer";
    public static final String CHAT_ENDED = "chat-ended";
    public static final String DISCONNECTED = "disconnected";

    private final Transactions tx;
    private final CallLog log;

    public WebCalls(Transactions tx, CallLog log) {
        this.tx = tx;
        this.log = log;
    }

    /** The agent starts a web call: it rings on the contact's side. */
    public Uni<ChatCall> start(String chatId, Caller caller) {
        return tx.commit(() -> Chat.lockForUpdate(chatId).chain(chat -> party(chat, caller).chain(me -> {
            if (caller.isContact()) {
                throw Problems.forbidden("Only the chat's agents start a voice call.");
            }
            ChatAccess.requireActive(chat);
            return ChatCall.liveWeb(chatId).chain(live -> {
                if (live != null) {
                    throw Problems.conflict("call-in-progress", "A call goes on",
                            "Chat " + chatId + " has a voice call ringing or going on (" + live.id + ").");
                }
                ChatCall call = new ChatCall();
                call.id = UUID.randomUUID().toString();
                call.chatId = chatId;
                call.channel = CallChannel.WEB;
                call.state = CallState.RINGING;
                call.agentId = me.participantId;
                call.agentName = me.name;
                return log.opened(chat, call, new CallLog.By(me.participantId, me.name, me.role));
            });
        })));
    }

    /** The contact accepts the ringing call. */
    public Uni<ChatCall> answer(String chatId, Caller caller, String callId) {
        return contactStep(chatId, caller, callId, CallState.ANSWERED, null);
    }

    /** The contact declines the ringing call. */
    public Uni<ChatCall> decline(String chatId, Caller caller, String callId) {
        return contactStep(chatId, caller, callId, CallState.DECLINED, DECLINED);
    }

    private Uni<ChatCall> contactStep(String chatId, Caller caller, String callId, CallState to, String reason) {
        return tx.commit(() -> Chat.lockForUpdate(chatId).chain(chat -> party(chat, caller).chain(me -> {
            if (!caller.isContact()) {
                throw Problems.forbidden("Only the contact answers or declines a voice call.");
            }
            return call(chatId, callId).chain(call -> {
                if (call.state != CallState.RINGING) {
                    throw Problems.conflict("call-not-ringing", "The call does not ring",
                            "Call " + callId + " is " + call.state.name().toLowerCase() + ".");
                }
                call.state = to;
                call.reason = reason;
                call.endedBy = to.isFinal() ? me.participantId : null;
                return log.stepped(chat, call, by(me), CallLog.now());
            });
        })));
    }

    /**
     * Either party hangs up. While it still rings this is the agent cancelling, or the contact declining; once
     * answered, the call ENDED with {@code hung-up} and the seconds talked.
     */
    public Uni<ChatCall> hangUp(String chatId, Caller caller, String callId) {
        return tx.commit(() -> Chat.lockForUpdate(chatId).chain(chat -> party(chat, caller).chain(me ->
                call(chatId, callId).chain(call -> {
                    requireCallParty(call, caller);
                    if (!call.live()) {
                        throw callEnded(call);
                    }
                    boolean ringing = call.state == CallState.RINGING;
                    call.state = ringing && caller.isContact() ? CallState.DECLINED : CallState.ENDED;
                    call.reason = !ringing ? HUNG_UP : caller.isContact() ? DECLINED : CANCELLED;
                    call.endedBy = me.participantId;
                    return log.stepped(chat, call, by(me), CallLog.now());
                }))));
    }

    /**
     * Ends the chat's live web call because of something else than a hang-up (the chat ended, a party went away,
     * nobody answered). Runs in the caller's transaction on the locked chat; nothing when no call is live.
     */
    public Uni<Void> endLive(Chat chat, String reason, CallLog.By by, String onlyOfAgent) {
        return ChatCall.liveWeb(chat.id).chain(call -> {
            if (call == null || (onlyOfAgent != null && !onlyOfAgent.equals(call.agentId))) {
                return Uni.createFrom().voidItem();
            }
            call.state = CallState.ENDED;
            call.reason = reason;
            call.endedBy = by.id();
            return log.stepped(chat, call, by, CallLog.now()).replaceWithVoid();
        });
    }

    /** The ring timeout: a call that still rings ends with {@code no-answer}. */
    Uni<Void> ringTimedOut(String chatId, String callId, Instant ringingBefore) {
        return tx.commit(() -> Chat.lockForUpdate(chatId).chain(chat -> ChatCall.inChat(chatId, callId)
                .chain(call -> {
                    if (call == null || call.state != CallState.RINGING || !call.createdAt.isBefore(ringingBefore)) {
                        return Uni.createFrom().voidItem();
                    }
                    call.state = CallState.ENDED;
                    call.reason = NO_ANSWER;
                    return log.stepped(chat, call, CallLog.By.SYSTEM, CallLog.now()).replaceWithVoid();
                })));
    }

    /** A call of this chat, as the frame names it. */
    static Uni<ChatCall> call(String chatId, String callId) {
        if (callId == null || callId.isBlank()) {
            return Uni.createFrom().failure(badFrame("The frame names no callId."));
        }
        return ChatCall.inChat(chatId, callId).onItem().ifNull().failWith(() -> new ProblemException(
                Status.NOT_FOUND, "no-such-call", "No such call", "Chat " + chatId + " has no call " + callId + "."));
    }

    /**
     * The caller takes part in the chat right now (a supervisor who only monitors does not): anyone else is refused
     * with {@code not-a-participant}, before anything about the chat's calls is told.
     */
    static Uni<Participant> party(Chat chat, Caller caller) {
        if (caller.isContact() && !chat.id.equals(caller.chatId())) {
            return Uni.createFrom().failure(notAParticipant());
        }
        return Participant.inChat(chat.id, caller.id()).invoke(p -> {
            if (p == null || !p.present()) {
                throw notAParticipant();
            }
            ChatAccess.requireOpen(chat);
        });
    }

    /** Only the agent who placed the call and the chat's contact are in it (a conference guest is not). */
    static void requireCallParty(ChatCall call, Caller caller) {
        if (!caller.isContact() && !caller.id().equals(call.agentId)) {
            throw new ProblemException(Status.FORBIDDEN, "not-a-participant", "Not in this call",
                    "Call " + call.id + " is between " + call.agentId + " and the contact.");
        }
    }

    /** A call frame without what it needs: the same code as any other malformed frame. */
    static ProblemException badFrame(String detail) {
        return new ProblemException(Status.BAD_REQUEST, "bad-frame", "Bad frame", detail);
    }

    static ProblemException notAParticipant() {
        return new ProblemException(Status.FORBIDDEN, "not-a-participant", "Not a participant",
                "You do not take part in this chat.");
    }

    static ProblemException callEnded(ChatCall call) {
        return Problems.conflict("call-ended", "The call is over",
                "Call " + call.id + " is " + call.state.name().toLowerCase() + ".");
    }

    private static CallLog.By by(Participant me) {
        return new CallLog.By(me.participantId, me.name, me.role);
    }
}
