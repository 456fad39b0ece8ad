package io.switchboard.session.supervision;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatMonitoring;
import io.switchboard.kit.outbox.EventOutbox;
import io.switchboard.kit.tx.OwnContext;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.chat.ChatAccess;
import io.switchboard.session.domain.Chat;
import io.switchboard.session.domain.ChatMonitor;
import io.switchboard.session.live.LiveDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Supervisors silently monitoring chats. Monitoring is no participation: no notice, no participant row, nothing the
 * contact can read; each start and stop is a {@code chat.monitoring} event, the record of who watched and when.
 */
@ApplicationScoped
public class Monitoring {

    private final Transactions tx;
    private final EventOutbox outbox;
    private final OwnContext ownContext;
    private final LiveDelivery delivery;

    public Monitoring(Transactions tx, EventOutbox outbox, OwnContext ownContext, LiveDelivery delivery) {
        this.delivery = delivery;
        this.tx = tx;
        this.outbox = outbox;
        this.ownContext = ownContext;
    }

    /**
     * Starts monitoring an open chat. Under the chat's row lock, so two starts of one supervisor give one record.
     *
     * @return false when the supervisor was monitoring it already (nothing recorded again)
     */
    public Uni<Boolean> start(String chatId, Caller caller) {
        try {
            ChatAccess.requireSupervisor(caller);
        } catch (RuntimeException refused) {
            return Uni.createFrom().failure(refused);
        }
        return tx.commit(() -> Chat.lockForUpdate(chatId).chain(chat -> {
            ChatAccess.requireOpen(chat);
            return ChatMonitor.open(chatId, caller.id()).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().item(false);
                }
                Instant at = now();
                return ChatMonitor.starting(chatId, caller.id(), caller.name(), at).persist()
                        .chain(() -> outbox.publish(new ChatMonitoring(chatId, caller.id(), caller.name(), true, at)))
                        .replaceWith(true);
            });
        }));
    }

    /**
     * Stops the supervisor's monitoring of the chat, also after the chat ended. Their sockets here stop getting it at
     * once; those on other instances when the event reaches them ({@code LiveFanout}).
     *
     * @return false when they were not monitoring it
     */
    public Uni<Boolean> stop(String chatId, Caller caller) {
        try {
            ChatAccess.requireSupervisor(caller);
        } catch (RuntimeException refused) {
            return Uni.createFrom().failure(refused);
        }
        return tx.commit(() -> Chat.lockForUpdate(chatId).chain(chat -> ChatMonitor.open(chatId, caller.id()))
                .chain(monitor -> {
                    if (monitor == null) {
                        return Uni.createFrom().item(false);
                    }
                    monitor.stoppedAt = now();
                    return outbox.publish(new ChatMonitoring(chatId, caller.id(), monitor.supervisorName, false,
                            monitor.stoppedAt)).replaceWith(true);
                })).invoke(stopped -> delivery.monitoringStopped(chatId, caller.id()));
    }

    /**
     * The socket that started monitoring these chats closed: the monitoring stops with it (a closed supervisor page
     * leaves no monitoring open). On a context of its own: the socket's context has no database session to lend.
     */
    public void socketClosed(Caller caller, Set<String> chatIds) {
        if (chatIds.isEmpty()) {
            return;
        }
        List<String> chats = List.copyOf(chatIds);
        ownContext.run(() -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (String chatId : chats) {
                all = all.chain(() -> stop(chatId, caller).replaceWithVoid());
            }
            return all;
        }).subscribe().with(ignored -> { }, failure -> Log.warnf("monitoring of %s by %s not stopped: %s", chats,
                caller.id(), failure.getMessage()));
    }

    /** Microseconds: what PostgreSQL keeps, so the event and a later read of the row agree. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
