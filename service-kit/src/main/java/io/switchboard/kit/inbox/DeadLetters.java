package io.switchboard.kit.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Writes a record that can never be processed to {@code dlq.<service>}: same key, value and headers, plus
 * {@code dead-letter-*} headers saying why and where it came from (the names the Kafka connector's own dead-letter
 * strategy uses, so one replay command reads both). A batch consumer cannot leave this to the connector: a nacked
 * batch would send every record of the poll there, the good ones too.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String CHANNEL = "switchboard-dead-letters";
    public static final String METER = "switchboard.dead.letters";
    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE_CLASS = "dead-letter-exception-class-name";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String CONSUMER = "dead-letter-consumer";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> emitter;
    private final MeterRegistry meters;
    private final Patience patience;

    public DeadLetters(@Channel(CHANNEL) MutinyEmitter<String> emitter, MeterRegistry meters, Patience patience) {
        this.emitter = emitter;
        this.meters = meters;
        this.patience = patience;
    }

    /** The counter of one consumed topic (registered at 0 for every consumed topic at start: CountersFromZero). */
    public static Counter counter(MeterRegistry meters, String topic) {
        return Counter.builder(METER).description("records sent to the dead-letter topic").tag("topic", topic)
                .register(meters);
    }

    /** Completes once the broker has the dead letter; a broker outage is waited out like any temporary failure. */
    public Uni<Void> send(String consumer, ConsumerRecord<String, String> record, Throwable failure) {
        String reason = EventFailures.reason(failure);
        LOG.errorf("dead-lettering %s-%d@%d (key %s) for %s: %s", record.topic(), record.partition(),
                record.offset(), record.key(), consumer, reason);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        headers.add(REASON, bytes(reason));
        headers.add(CAUSE_CLASS, bytes(failure.getClass().getName()));
        headers.add(TOPIC, bytes(record.topic()));
        headers.add(PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(OFFSET, bytes(Long.toString(record.offset())));
        headers.add(CONSUMER, bytes(consumer));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(headers).build();
        return patience.untilDone("dead letter of " + record.topic() + "-" + record.partition() + "@"
                        + record.offset(),
                        () -> emitter.sendMessage(Message.of(record.value()).addMetadata(metadata)))
                .invoke(() -> counter(meters, record.topic()).increment());
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
