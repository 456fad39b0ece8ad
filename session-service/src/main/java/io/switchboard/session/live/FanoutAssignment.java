package io.switchboard.session.live;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Tracks which fan-out topics (chat events and typing signals) this instance reads. The instance is ready only once it reads all of them: it starts
 * at the latest offset, so anything published before that would never reach its sockets live.
 */
@ApplicationScoped
@Identifier("live-fanout-assignment")
@Readiness
public class FanoutAssignment implements KafkaConsumerRebalanceListener, HealthCheck {

    private final Set<String> fanoutTopics;
    private final Set<String> assignedTopics = ConcurrentHashMap.newKeySet();

    public FanoutAssignment(@ConfigProperty(name = "mp.messaging.incoming.live-fanout.topics") List<String> topics,
                            @ConfigProperty(name = "mp.messaging.incoming.typing-in.topic") String typingTopic) {
        Set<String> all = new HashSet<>(topics);
        all.add(typingTopic);
        this.fanoutTopics = Set.copyOf(all);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(p -> assignedTopics.add(p.topic()));
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(p -> assignedTopics.remove(p.topic()));
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("live-fanout")
                .status(assignedTopics.containsAll(fanoutTopics))
                .withData("assignedTopics", assignedTopics.size())
                .build();
    }
}
