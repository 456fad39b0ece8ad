package io.switchboard.kit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns an event type into the topic of this deployment. A prefix lets several deployments (or test runs) share
 * one Kafka cluster without seeing each other's records.
 */
@ApplicationScoped
public class KafkaTopics {

    private final String prefix;

    public KafkaTopics(@ConfigProperty(name = "switchboard.kafka.topic-prefix") Optional<String> prefix) {
        this.prefix = prefix.orElse("");
    }

    public String name(String eventType) {
        return prefix + eventType;
    }

    public String prefix() {
        return prefix;
    }
}
