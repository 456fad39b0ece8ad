package io.switchboard.kit.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.kit.inbox.DeadLetters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

/**
 * Registers at start, at 0, the labelled counters that would otherwise appear only with their first increment: the
 * dead letters of every consumed topic and the messages of every incoming channel. A series that appears at 1 has no
 * earlier sample, so {@code increase(...)} and {@code rate(...)} miss that first event (and the DeadLetters alert
 * with it); and the dashboards' queries find the series before any traffic.
 */
@ApplicationScoped
public class CountersFromZero {

    /** Quarkus' Reactive Messaging observation counter (quarkus.micrometer.binder.messaging.enabled), per channel. */
    static final String MESSAGES = "quarkus.messaging.message.count";
    private static final String MESSAGES_DESCRIPTION = "The number of messages observed";
    private static final String INCOMING = "mp.messaging.incoming.";
    private static final String CONNECTOR = ".connector";
    private static final String TOPIC = ".topic";
    /** A channel that reads several topics names them all here, comma-separated. */
    private static final String TOPICS = ".topics";

    void register(@Observes StartupEvent event, MeterRegistry meters, Config config) {
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith(INCOMING)) {
                continue;
            }
            if (name.endsWith(TOPIC) || name.endsWith(TOPICS)) {
                config.getOptionalValue(name, String.class).ifPresent(topics -> {
                    for (String topic : topics.split(",")) {
                        DeadLetters.counter(meters, topic.trim());
                    }
                });
            } else if (name.endsWith(CONNECTOR)) {
                String channel = name.substring(INCOMING.length(), name.length() - CONNECTOR.length());
                Counter.builder(MESSAGES).description(MESSAGES_DESCRIPTION).tag("channel", channel).register(meters);
            }
        }
    }
}
