package io.switchboard.history;

import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Events;
import io.switchboard.history.projection.InteractionProjection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishes envelopes to this run's topics, as the producing services' outbox relays do. */
final class EventLog {

    private static final Duration CONSUMED_TIMEOUT = Duration.ofSeconds(60);

    private EventLog() {
    }

    static String prefix() {
        return ConfigProvider.getConfig().getValue("switchboard.kafka.topic-prefix", String.class);
    }

    /** Our own client: the test resource injects its companion into the first test class only. */
    private static KafkaCompanion companion;

    static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        }
        return companion;
    }

    /** Keyed as the outbox keys them: by chat, or by agent for agent events. */
    static void publish(List<EventEnvelope> envelopes) {
        String prefix = prefix();
        List<ProducerRecord<String, String>> records = envelopes.stream()
                .map(e -> new ProducerRecord<>(prefix + e.type(), e.payload().key(), Events.write(e))).toList();
        companion().produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
    }

    /** Waits until the live consumer has committed every record of every topic it reads. */
    static void awaitAllConsumed() {
        var config = ConfigProvider.getConfig();
        String bootstrap = config.getValue("kafka.bootstrap.servers", String.class);
        String group = config.getValue("mp.messaging.incoming.history-events.group.id", String.class);
        List<String> topics = InteractionProjection.TYPES.stream().map(t -> prefix() + t.topic()).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await().atMost(CONSUMED_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                return ends(admin, topics).entrySet().stream().allMatch(end -> end.getValue() == 0
                        || committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue());
            });
        }
    }

    private static Map<TopicPartition, Long> ends(Admin admin, List<String> topics)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
