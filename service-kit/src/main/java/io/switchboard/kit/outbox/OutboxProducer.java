package io.switchboard.kit.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The relay's own Kafka producer (acks=all, idempotent; see the kit defaults). A plain client rather than a
 * Reactive Messaging channel: the relay must see each record's own failure to tell an outage from a refusal, and
 * it must know how long a send can take at most ({@link #sendBound()}) to stop before its lease ends.
 */
public final class OutboxProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final Duration sendBound;
    private KafkaClientMetrics clientMetrics;

    public OutboxProducer(String bootstrapServers, Map<String, String> properties) {
        Map<String, Object> config = new HashMap<>(properties);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(config);
        this.sendBound = Duration.ofMillis(millis(properties, ProducerConfig.MAX_BLOCK_MS_CONFIG)
                + millis(properties, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
    }

    /**
     * Hands the record to the producer; the future completes at the broker's acknowledgement or with the reason it
     * failed. May block up to max.block.ms (metadata, full buffer): call it on a worker thread.
     */
    public CompletableFuture<Void> send(ProducerRecord<String, String> record) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    acked.complete(null);
                } else {
                    acked.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /** The longest a send can take before its future completes: max.block.ms + delivery.timeout.ms. */
    public Duration sendBound() {
        return sendBound;
    }

    /**
     * Exposes the client's own metrics (kafka_producer_record_send_rate, ..._error_rate, ...) like those of the
     * messaging connector's clients: most of a service's records leave through this producer.
     */
    public void bindMetrics(MeterRegistry registry) {
        clientMetrics = new KafkaClientMetrics(producer);
        clientMetrics.bindTo(registry);
    }

    @Override
    public void close() {
        if (clientMetrics != null) {
            clientMetrics.close();
        }
        producer.close(Duration.ZERO);
    }

    private static long millis(Map<String, String> properties, String name) {
        String value = properties.get(name);
        if (value == null) {
            throw new IllegalArgumentException("switchboard.outbox.producer.\"" + name + "\" must be set: the relay "
                    + "bounds the time of a send by it");
        }
        return Long.parseLong(value.trim());
    }
}
