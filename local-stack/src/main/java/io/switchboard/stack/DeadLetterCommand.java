package io.switchboard.stack;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./switchboard dlq <service> [--replay]}: lists what is in {@code dlq.<service>} with the reason of each
 * record, or re-publishes each record to its original topic with its key and headers (without the
 * {@code dead-letter-*} ones). Consumers apply an event once per id, so replaying is safe. A replay resumes after
 * the last record an earlier replay sent (offsets of the group {@code switchboard-dlq-replay.<service>}), so a
 * record is replayed once unless it is dead-lettered again.
 *
 * <p>Reads KAFKA_BOOTSTRAP_SERVERS (default 127.0.0.1:19092) and KAFKA_TOPIC_PREFIX.
 */
public final class DeadLetterCommand {

    private static final String DEFAULT_BOOTSTRAP = "127.0.0.1:19092";
    private static final String DEAD_LETTER_HEADERS = "dead-letter-";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrap;
    private final String topic;
    private final String replayGroup;
    private final PrintStream out;

    DeadLetterCommand(String bootstrap, String prefix, String service, PrintStream out) {
        this.bootstrap = bootstrap;
        this.topic = prefix + "dlq." + service;
        this.replayGroup = "switchboard-dlq-replay." + prefix + service;
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2 || args.length == 2 && !args[1].equals("--replay")) {
            System.err.println("usage: dlq <service> [--replay]   e.g. dlq history-service");
            System.exit(2);
        }
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", DEFAULT_BOOTSTRAP);
        String prefix = System.getenv().getOrDefault("KAFKA_TOPIC_PREFIX", "");
        DeadLetterCommand command = new DeadLetterCommand(bootstrap, prefix, args[0], System.out);
        int count = args.length == 2 ? command.replay() : command.list();
        System.err.println(args.length == 2 ? "replayed " + count + " record(s) of " + command.topic
                : count + " record(s) in " + command.topic);
    }

    /** Prints every record of the topic; @return how many */
    int list() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Map<TopicPartition, OffsetAndMetadata> replayed = consumer.committed(Set.copyOf(partitions(consumer)));
            List<ConsumerRecord<String, String>> records = readFrom(consumer, Map.of());
            for (ConsumerRecord<String, String> r : records) {
                OffsetAndMetadata done = replayed.get(new TopicPartition(r.topic(), r.partition()));
                boolean wasReplayed = done != null && done.offset() > r.offset();
                out.printf("%d@%d key=%s from %s-%s@%s%s: %s%n", r.partition(), r.offset(), r.key(),
                        header(r, "dead-letter-topic"), header(r, "dead-letter-partition"),
                        header(r, "dead-letter-offset"), wasReplayed ? " (replayed)" : "", header(r, "dead-letter-reason"));
            }
            return records.size();
        }
    }

    /** Re-publishes the records no earlier replay sent; @return how many */
    int replay() {
        try (KafkaConsumer<String, String> consumer = consumer(); KafkaProducer<String, String> producer = producer()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, OffsetAndMetadata> replayed = consumer.committed(Set.copyOf(partitions));
            List<ConsumerRecord<String, String>> records = readFrom(consumer, replayed);
            Map<TopicPartition, OffsetAndMetadata> sent = new HashMap<>();
            for (ConsumerRecord<String, String> r : records) {
                String original = header(r, "dead-letter-topic");
                if (original == null) {
                    out.printf("%d@%d has no dead-letter-topic header: skipped%n", r.partition(), r.offset());
                } else {
                    RecordHeaders headers = new RecordHeaders();
                    for (Header h : r.headers()) {
                        if (!h.key().startsWith(DEAD_LETTER_HEADERS)) {
                            headers.add(h);
                        }
                    }
                    producer.send(new ProducerRecord<>(original, null, r.key(), r.value(), headers));
                    out.printf("%d@%d -> %s key=%s%n", r.partition(), r.offset(), original, r.key());
                }
                sent.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            }
            producer.flush(); // acks=all: every record is on the broker before the offsets say so
            if (!sent.isEmpty()) {
                consumer.commitSync(sent);
            }
            return records.size();
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        return consumer.partitionsFor(topic, TIMEOUT).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /** Reads each partition from {@code start} (or its beginning) up to its end offset at the time of the call. */
    private List<ConsumerRecord<String, String>> readFrom(KafkaConsumer<String, String> consumer,
                                                          Map<TopicPartition, OffsetAndMetadata> start) {
        List<TopicPartition> partitions = partitions(consumer);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        start.forEach((tp, offset) -> {
            if (offset != null) {
                consumer.seek(tp, offset.offset());
            }
        });
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + TIMEOUT);
            }
            consumer.poll(POLL).forEach(r -> {
                if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                    records.add(r);
                }
            });
        }
        return records;
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, replayGroup);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
