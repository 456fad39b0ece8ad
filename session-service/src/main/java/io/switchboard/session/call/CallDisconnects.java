package io.switchboard.session.call;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.tx.OwnContext;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.Participant;
import io.switchboard.session.live.LiveDelivery;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A party's last socket here closed: its live web calls end with {@code disconnected}. The browser that held the
 * audio is gone (a closed tab, a reload, a lost network), so the call cannot go on; the other side sees it end instead
 * of talking into silence. Another desk of the same agent on another instance does not keep it: the audio was in the
 * desk that closed.
 */
@ApplicationScoped
public class CallDisconnects {

    private final Transactions tx;
    private final OwnContext own;
    private final WebCalls calls;
    private final LiveDelivery delivery;

    public CallDisconnects(Transactions tx, OwnContext own, WebCalls calls, LiveDelivery delivery) {
        this.delivery = delivery;
        this.tx = tx;
        this.own = own;
        this.calls = calls;
    }

    /**
     * Fire and forget from a socket's close (after it was removed): nothing while the party has another socket here;
     * a failure is logged (the ring timeout still ends a ringing call).
     */
    public void socketClosed(Caller caller) {
        if (delivery.connected(caller.id())) {
            return;
        }
        Uni<Void> work = caller.isContact() ? endIn(caller.chatId(), caller, null)
                : own.run(() -> tx.read(() -> ChatCall.liveWebOf(caller.id())))
                        .onItem().transformToMulti(live -> Multi.createFrom().iterable(live))
                        .onItem().transformToUniAndConcatenate(call -> endIn(call.chatId, caller, caller.id()))
                        .collect().last().replaceWithVoid();
        work.subscribe().with(ignored -> { },
                failure -> Log.warnf("calls of %s not ended on disconnect: %s", caller.id(), failure.getMessage()));
    }

    private Uni<Void> endIn(String chatId, Caller caller, String onlyOfAgent) {
        return own.run(() -> tx.commit(() -> Chat.lockForUpdate(chatId).chain(chat -> Participant.inChat(chatId,
                caller.id()).chain(me -> calls.endLive(chat, WebCalls.DISCONNECTED, new CallLog.By(caller.id(),
                me == null ? caller.name() : me.name, caller.role()), onlyOfAgent)))));
    }
}
