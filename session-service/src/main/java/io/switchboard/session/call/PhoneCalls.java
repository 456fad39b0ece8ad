package io.switchboard.session.call;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.CallChannel;
import io.switchboard.events.CallState;
import io.switchboard.events.CallStatus;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.Participant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Phone calls in the call log: "Make a call" opens one (REQUESTED, its id the request's), and the telephony adapter's
 * statuses ({@code telephony.call.status}) move it on. The adapter dials; this service only shows the steps in the chat
 * and republishes them as {@code chat.call.updated}.
 */
@ApplicationScoped
public class PhoneCalls {

    /** The order of a phone call's steps: a status that does not move it forward is stale or repeated. */
    private static final Map<CallState, Integer> RANK = Map.of(CallState.REQUESTED, 0, CallState.DIALLING, 1,
            CallState.CONNECTED, 2, CallState.FAILED, 3, CallState.ENDED, 3);

    private final CallLog log;

    public PhoneCalls(CallLog log) {
        this.log = log;
    }

    /** The agent asked for a call (inside the request's transaction, the chat locked). */
    public Uni<ChatCall> requested(Chat chat, String requestId, Participant agent, String phoneNumber, Instant at) {
        ChatCall call = new ChatCall();
        call.id = requestId;
        call.chatId = chat.id;
        call.channel = CallChannel.PHONE;
        call.state = CallState.REQUESTED;
        call.agentId = agent.participantId;
        call.agentName = agent.name;
        call.phoneNumber = phoneNumber;
        call.createdAt = at;
        return log.opened(chat, call, new CallLog.By(agent.participantId, agent.name, agent.role));
    }

    /**
     * Locks the chats of a batch of statuses in one order, before any is applied: two batches sharing chats then wait
     * for each other instead of deadlocking. Chats this service does not know are not locked (their statuses are
     * ignored).
     */
    public static Uni<?> lockChats(List<String> chatIds) {
        return chatIds.isEmpty() ? Uni.createFrom().voidItem()
                : Chat.<Chat>find("id in ?1 order by id", chatIds).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * A status from the telephony adapter, in the consumer's transaction. Ignored (logged): a status for a call this
     * chat never requested, one that does not move the call forward (repeated, or older than what was applied), and
     * anything after a final state.
     */
    public Uni<Void> status(CallStatus status) {
        if (status.chatId() == null || status.requestId() == null || status.status() == null) {
            Log.infof("telephony status without chat, request or status ignored: %s", status);
            return Uni.createFrom().voidItem();
        }
        return Chat.<Chat>findById(status.chatId(), LockModeType.PESSIMISTIC_WRITE).chain(chat -> chat == null
                ? ignored(status, "unknown chat")
                : ChatCall.inChat(chat.id, status.requestId()).chain(call -> apply(chat, call, status)));
    }

    private Uni<Void> apply(Chat chat, ChatCall call, CallStatus status) {
        if (call == null || call.channel != CallChannel.PHONE) {
            return ignored(status, "no such phone call");
        }
        CallState to = CallState.valueOf(status.status().name());
        if (call.state.isFinal() || RANK.get(to) <= RANK.get(call.state)) {
            return ignored(status, "the call is " + call.state);
        }
        call.state = to;
        if (to.isFinal()) {
            call.reason = status.reason();
            call.endedBy = to == CallState.ENDED ? status.endedBy() : null;
            call.reportedDurationSeconds = to == CallState.ENDED ? status.durationSeconds() : Long.valueOf(0);
        }
        Instant at = status.at() == null ? CallLog.now() : status.at();
        return log.stepped(chat, call, CallLog.By.SYSTEM, at).replaceWithVoid();
    }

    private static Uni<Void> ignored(CallStatus status, String why) {
        Log.infof("telephony status %s of request %s in chat %s ignored: %s", status.status(), status.requestId(),
                status.chatId(), why);
        return Uni.createFrom().voidItem();
    }
}
