package io.switchboard.kit.outbox;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Listens for the {@code outbox_event} notification that PostgreSQL sends when a transaction with new outbox rows
 * commits, and lets the relay publish at once: events reach Kafka within milliseconds of the commit, without polling
 * the table often. If the listening connection drops it reconnects; the relay's poll covers the gap.
 */
@ApplicationScoped
public class OutboxNotifications {

    static final String CHANNEL = "outbox_event";

    private final Vertx vertx;
    private final OutboxRelay relay;
    private final String url;
    private final String user;
    private final String password;
    private final Duration reconnectDelay;
    private PgSubscriber subscriber;

    public OutboxNotifications(Vertx vertx, OutboxRelay relay,
                               @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                               @ConfigProperty(name = "quarkus.datasource.username") String user,
                               @ConfigProperty(name = "quarkus.datasource.password") String password,
                               @ConfigProperty(name = "switchboard.outbox.listen-reconnect-delay") Duration reconnectDelay) {
        this.vertx = vertx;
        this.relay = relay;
        this.url = url;
        this.user = user;
        this.password = password;
        this.reconnectDelay = reconnectDelay;
    }

    void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> reconnectDelay.toMillis());
        subscriber.channel(CHANNEL).handler(payload -> publishOnSafeContext());
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

    /** Hibernate Reactive runs only on a duplicated context marked safe, as Quarkus does for its own handlers. */
    private void publishOnSafeContext() {
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx.getDelegate());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> relay.kick());
    }
}
