package io.switchboard.session.live;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Tracks which fan-out topics (chat events and typing signals) this instance reads, and where. The instance is ready
 * only once it reads all of them: it starts at the latest offset, so anything published before that would never reach
 * its sockets live.
 *
 * <p>The fan-out commits no offsets (its group is this process's alone), so after a rebalance — a broker restart, a
 * consumer that missed its heartbeats — a partition would start again at the latest offset, skipping what was
 * published in between, and a quiet chat would show those messages only with its next item. This listener remembers
 * how far each partition was handed to the fan-out and goes on from there; a record read twice is dropped by the
 * socket's feed (its seq was sent).
 */
@ApplicationScoped
@Identifier(FanoutAssignment.NAME)
@Readiness
public class FanoutAssignment implements KafkaConsumerRebalanceListener, HealthCheck {

    /** The name the channels' {@code consumer-rebalance-listener.name} gives. */
    public static final String NAME = "live-fanout-assignment";

    private final Set<String> fanoutTopics;
    private final String typingTopic;
    private final Set<String> assignedTopics = ConcurrentHashMap.newKeySet();
    /** Per partition, the offset of the next record the fan-out has not been handed yet. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

    public FanoutAssignment(@ConfigProperty(name = "mp.messaging.incoming.live-fanout.topics") List<String> topics,
                            @ConfigProperty(name = "mp.messaging.incoming.signals-in.topic") String typingTopic) {
        Set<String> all = new HashSet<>(topics);
        all.add(typingTopic);
        this.fanoutTopics = Set.copyOf(all);
        this.typingTopic = typingTopic;
    }

    /** The fan-out was handed this record: after a rebalance, its partition is read on from the next one. */
    void handed(ConsumerRecord<?, ?> record) {
        positions.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            Long next = positions.get(partition);
            if (next != null) {
                consumer.seek(partition, next);
            } else if (tracked(partition)) {
                // First assignment: the latest offset, remembered so that a rebalance before the first record
                // does not move it on.
                positions.putIfAbsent(partition, consumer.position(partition));
            }
            assignedTopics.add(partition.topic());
        }
    }

    /** Typing signals may be skipped after a rebalance; chat events may not. */
    private boolean tracked(TopicPartition partition) {
        return !partition.topic().equals(typingTopic);
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
