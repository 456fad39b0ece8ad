package io.switchboard.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** ./switchboard dlq on the real broker: lists dead letters with their reasons, replays each one once. */
class DeadLetterCommandTest {

    private static final String SERVICE = "test-service";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void listsDeadLettersWithTheirReasonAndReplaysThemToTheirOriginalTopicOnce() throws Exception {
        SwitchboardInfrastructure resource = new SwitchboardInfrastructure();
        resource.init(Map.of("database", "dlq", "topics", "dlq." + SERVICE));
        Map<String, String> config = resource.start();
        try {
            listAndReplay(config);
        } finally {
            // Drops the run's database and deletes its topics: only once the test is done with them.
            resource.stop();
        }
    }

    private static void listAndReplay(Map<String, String> config) throws Exception {
        String bootstrap = config.get("kafka.bootstrap.servers");
        String prefix = config.get("switchboard.kafka.topic-prefix");
        String original = prefix + "chat.message";
        String key = UUID.randomUUID().toString();

        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", bytes("event-1"));
        headers.add("dead-letter-reason", bytes("unsupported version 9 of chat.message"));
        headers.add("dead-letter-topic", bytes(original));
        headers.add("dead-letter-partition", bytes("0"));
        headers.add("dead-letter-offset", bytes("41"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(prefix + "dlq." + SERVICE, null, key, "{\"v\":9}", headers)).get();
        }

        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        assertThat(new DeadLetterCommand(bootstrap, prefix, SERVICE, print(listing)).list()).isEqualTo(1);
        assertThat(listing.toString(StandardCharsets.UTF_8))
                .contains("key=" + key, "from " + original + "-0@41", "unsupported version 9 of chat.message");

        DeadLetterCommand command = new DeadLetterCommand(bootstrap, prefix, SERVICE, print(new ByteArrayOutputStream()));
        assertThat(command.replay()).isEqualTo(1);
        assertThat(command.replay()).as("a second replay sends nothing again").isZero();

        ConsumerRecord<String, String> replayed = read(bootstrap, original);
        assertThat(replayed.key()).isEqualTo(key);
        assertThat(replayed.value()).isEqualTo("{\"v\":9}");
        List<String> names = new ArrayList<>();
        replayed.headers().forEach(h -> names.add(h.key()));
        assertThat(names).containsExactly("ce_id");
        Header ceId = replayed.headers().lastHeader("ce_id");
        assertThat(new String(ceId.value(), StandardCharsets.UTF_8)).isEqualTo("event-1");

        ByteArrayOutputStream after = new ByteArrayOutputStream();
        new DeadLetterCommand(bootstrap, prefix, SERVICE, print(after)).list();
        assertThat(after.toString(StandardCharsets.UTF_8)).contains("(replayed)");
    }

    private static ConsumerRecord<String, String> read(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            assertThat(records).hasSize(1);
            return records.get(0);
        }
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
