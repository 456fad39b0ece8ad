package io.switchboard.session.call;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.CallState;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.SessionConfig;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.frames.Frames;
import io.switchboard.session.live.LiveSignals;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Relays a web call's signalling between its two browsers: an SDP offer or answer, an ICE candidate, or hold/unhold.
 * Only the two parties of a live call signal, and a signal reaches only the other one. Signals are not stored (they
 * mean nothing once the call is set up, and a call does not outlive a lost connection): they travel like typing
 * indicators ({@link LiveSignals}).
 */
@ApplicationScoped
public class CallSignals {

    /** The {@code kind}s a signal without sdp or candidate may have: the agent put the call on hold, or took it off. */
    private static final Set<String> KINDS = Set.of("hold", "unhold");

    private final Transactions tx;
    private final LiveSignals signals;
    private final int maxSignalBytes;

    public CallSignals(Transactions tx, LiveSignals signals, SessionConfig config) {
        this.tx = tx;
        this.signals = signals;
        this.maxSignalBytes = config.call().maxSignalBytes();
    }

    public Uni<Void> relay(String chatId, Caller caller, String callId, JsonNode signal) {
        try {
            check(signal);
        } catch (RuntimeException refused) {
            return Uni.createFrom().failure(refused);
        }
        return tx.read(() -> Chat.byId(chatId).chain(chat -> WebCalls.party(chat, caller))
                .chain(me -> WebCalls.call(chatId, callId).map(call -> {
                    WebCalls.requireCallParty(call, caller);
                    if (call.state != CallState.RINGING && call.state != CallState.ANSWERED) {
                        throw WebCalls.callEnded(call);
                    }
                    String to = caller.isContact() ? call.agentId : Caller.contactId(chatId);
                    return new Frames.CallSignal(chatId, callId, me.participantId, to, signal);
                })))
                .invoke(signals::callSignal)
                .replaceWithVoid();
    }

    /** The shape of a signal: an object with an {@code sdp}, a {@code candidate} or a hold {@code kind}. */
    private void check(JsonNode signal) {
        if (signal == null || !signal.isObject()) {
            throw WebCalls.badFrame("A call-signal carries a signal object.");
        }
        if (signal.toString().getBytes(StandardCharsets.UTF_8).length > maxSignalBytes) {
            throw Problems.tooLarge("A call signal is at most " + maxSignalBytes + " bytes.");
        }
        boolean sdp = signal.has("sdp") && signal.get("sdp").isObject();
        boolean candidate = signal.has("candidate");
        boolean kind = KINDS.contains(signal.path("kind").asText());
        if (!sdp && !candidate && !kind) {
            throw WebCalls.badFrame("A call signal has an sdp object, a candidate, or a kind (hold, unhold).");
        }
    }
}
