package io.switchboard.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor, measured in the same run at the same rates: a bare Kafka produce→consume round trip with the outbox
 * relay's producer settings (service-kit: acks=all, idempotence, linger.ms=1), and a bare WebSocket echo (a Vert.x
 * server in this JVM, as many sockets as chats).
 */
final class Floors implements AutoCloseable {

    /** About the size of a chat.message event with its envelope. */
    private static final int PAYLOAD_BYTES = 512;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int MAX_ECHO_SOCKETS = 200;
    private static final int WARMUP_SECONDS = 1;
    private static final long SETTLE_MS = 2000;
    /** The partitions of a service topic (local-stack's KafkaTopics). */
    private static final int PARTITIONS = io.switchboard.stack.KafkaTopics.PARTITIONS;

    private final String topic;
    private final String kafka;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Thread consumerThread;
    private final AtomicReference<Latency> kafkaTarget = new AtomicReference<>();
    private volatile boolean running = true;
    private final long base;
    private final String padding = "x".repeat(PAYLOAD_BYTES);

    private final HttpServer echoServer;
    private final List<WebSocket> echoSockets = new ArrayList<>();
    private final AtomicReference<Latency> echoTarget = new AtomicReference<>();

    Floors(Vertx vertx, Sockets sockets, String kafka, String topicPrefix, String runTag, int echoSocketCount,
           long baseNanos) {
        this.kafka = kafka;
        this.base = baseNanos;
        this.topic = topicPrefix + "bench.floor." + runTag;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the floor topic " + topic, e);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(c);
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic)) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        consumerThread = new Thread(this::consume, "floor-kafka-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();

        echoServer = vertx.createHttpServer().webSocketHandler(ws -> ws.textMessageHandler(ws::writeTextMessage));
        try {
            echoServer.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the echo server", e);
        }
        String url = "http://127.0.0.1:" + echoServer.actualPort();
        for (int i = 0; i < Math.max(1, Math.min(MAX_ECHO_SOCKETS, echoSocketCount)); i++) {
            echoSockets.add(sockets.open(url, "/echo", null, (frame, received) -> {
                Latency target = echoTarget.get();
                if (target != null && frame.getBoolean("m")) {
                    target.recordNanos(received - (base + frame.getLong("due")));
                }
            }, ws -> { }));
        }
    }

    String topic() {
        return topic;
    }

    /** Kafka produce→consume round trip at {@code rate}/s for {@code seconds} (after a short warm-up). */
    Latency kafka(int rate, int seconds) {
        Latency latency = new Latency();
        kafkaTarget.set(latency);
        long warm = (long) rate * WARMUP_SECONDS;
        OpenLoop.run(rate, TimeUnit.SECONDS.toNanos(WARMUP_SECONDS + seconds), (i, due) ->
                producer.send(new ProducerRecord<>(topic, "chat-" + (i % 100),
                        (i >= warm ? "m " : "w ") + (due - base) + " " + padding)));
        settle();
        kafkaTarget.set(null);
        return latency;
    }

    /** WebSocket echo round trip at {@code rate}/s over the echo sockets. */
    Latency echo(int rate, int seconds) {
        Latency latency = new Latency();
        echoTarget.set(latency);
        long warm = (long) rate * WARMUP_SECONDS;
        OpenLoop.run(rate, TimeUnit.SECONDS.toNanos(WARMUP_SECONDS + seconds), (i, due) ->
                echoSockets.get((int) (i % echoSockets.size())).writeTextMessage(
                        "{\"m\":" + (i >= warm) + ",\"due\":" + (due - base) + ",\"text\":\"" + padding + "\"}"));
        settle();
        echoTarget.set(null);
        return latency;
    }

    private static void settle() {
        try {
            Thread.sleep(SETTLE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void consume() {
        while (running) {
            try {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    long now = System.nanoTime();
                    Latency target = kafkaTarget.get();
                    String value = record.value();
                    if (target != null && value.startsWith("m ")) {
                        int end = value.indexOf(' ', 2);
                        target.recordNanos(now - (base + Long.parseLong(value.substring(2, end))));
                    }
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            consumerThread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
        producer.close();
        echoSockets.forEach(WebSocket::close);
        echoServer.close();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            admin.deleteTopics(Set.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("could not delete the floor topic " + topic + ": " + e);
        }
    }

}
