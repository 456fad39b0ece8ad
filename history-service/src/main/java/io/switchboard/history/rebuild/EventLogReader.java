package io.switchboard.history.rebuild;

import io.switchboard.history.HistoryConfig;
import io.switchboard.history.projection.InteractionProjection;
import io.switchboard.kit.KafkaTopics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads every partition of the history's topics from the earliest offset up to the end offsets seen when it
 * starts, with a plain consumer: no group, nothing committed, so the live consumers are not disturbed. Blocking;
 * call it from a worker thread.
 */
@ApplicationScoped
public class EventLogReader {

    private static final String CLIENT_ID = "history-rebuild";

    private final String bootstrapServers;
    private final KafkaTopics topics;
    private final Duration pollTimeout;
    private final int maxPollRecords;

    /** The broker address is Kafka's own setting, not history-service's, so it comes as a single property. */
    public EventLogReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                          KafkaTopics topics, HistoryConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.pollTimeout = config.rebuild().pollTimeout();
        this.maxPollRecords = config.rebuild().maxPollRecords();
    }

    /**
     * Hands the record values to {@code batch} one poll at a time, in partition order.
     *
     * @return how many records were read
     */
    public long readAll(Consumer<List<String>> batch) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (var type : InteractionProjection.TYPES) {
                String topic = topics.name(type.topic());
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long read = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                List<String> values = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(pollTimeout)) {
                    // Records appended after the start belong to the live consumers, not to this snapshot.
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        values.add(record.value());
                    }
                }
                if (!values.isEmpty()) {
                    batch.accept(values);
                    read += values.size();
                }
            }
            return read;
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }
}
