package io.switchboard.kit.outbox;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * Listens for the {@code outbox_event} notification that PostgreSQL sends when a transaction with new outbox rows
 * commits, and lets the relay publish at once: events reach Kafka within milliseconds of the commit, without polling
 * the table often. It is the one wake-up path: it reaches every replica, whichever holds the lane of the new rows.
 * If the listening connection drops it reconnects; the relay's poll covers the gap.
 */
@ApplicationScoped
public class OutboxNotifications {

    static final String CHANNEL = "outbox_event";

    private final Vertx vertx;
    private final OutboxRelay relay;
    private final Duration reconnectDelay;
    private PgSubscriber subscriber;

    public OutboxNotifications(Vertx vertx, OutboxRelay relay, OutboxConfig config) {
        this.vertx = vertx;
        this.relay = relay;
        this.reconnectDelay = config.listenReconnectDelay();
    }

    void start(@Observes StartupEvent event) {
        subscriber = PgSubscriber.subscriber(vertx, relay.connectOptions())
                .reconnectPolicy(retries -> reconnectDelay.toMillis());
        subscriber.channel(CHANNEL).handler(payload -> relay.wake());
        subscriber.connect().subscribe().with(
                connected -> Log.debugf("listening for %s notifications", CHANNEL),
                failure -> Log.warnf("cannot listen for outbox notifications, relying on polling: %s",
                        failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndAwait();
        }
    }
}
