package io.switchboard.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.session.support.Broker;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.Routing;
import io.switchboard.session.support.Socket;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live fan-out after a rebalance of its consumer group (what a broker restart causes): a message published while
 * this instance did not hold the chat's partition still reaches the sockets live once the partition is back, instead
 * of being skipped because the fan-out commits no offsets and would restart at the latest one.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class FanoutRebalanceTest {

    private static final Duration POLL = Duration.ofMillis(100);
    /** Chats requested at most until one falls on a partition the intruder holds (each does with p >= 1/3). */
    private static final int MAX_CHATS = 40;

    @TestHTTPResource("/")
    URI base;

    Routing routing;
    String alice = Tokens.agent("agent1", "Alice Martin");

    @BeforeEach
    void ready() {
        routing = new Routing(Broker.companion());
        WorkflowStub.reset();
        Chats.awaitReady();
    }

    @Test
    void aMessagePublishedWhileThePartitionWasAwayArrivesLiveWhenItComesBack() throws Exception {
        var config = ConfigProvider.getConfig();
        List<String> topics = config.getValues("mp.messaging.incoming.live-fanout.topics", String.class);
        String messages = topics.stream().filter(t -> t.endsWith("chat.message")).findFirst().orElseThrow();
        String group = config.getValue("mp.messaging.incoming.live-fanout.group.id", String.class);

        try (Intruder intruder = new Intruder(group, topics)) {
            // The instance's consumer gave up what the intruder now holds: find a chat whose messages land there.
            Set<Integer> held = intruder.awaitPartitionsOf(messages);
            Chats.NewChat chat = null;
            for (int i = 0; i < MAX_CHATS && chat == null; i++) {
                Chats.NewChat candidate = Chats.request("Quiet Chat " + i, "quiet" + i + "@example.com", List.of());
                if (held.contains(partitionOf(candidate.chatId(), intruder.partitionCount(messages)))) {
                    chat = candidate;
                }
            }
            assertThat(chat).as("a chat on a partition the intruder holds").isNotNull();
            routing.assign(chat.chatId(), "agent1", "Alice Martin");
            Chats.awaitState(alice, chat.chatId(), "ACTIVE");

            try (Socket desk = Socket.open(base, "/ws/agent", alice)) {
                desk.send(Map.of("type", "resume", "chatId", chat.chatId(), "afterSeq", 0));
                desk.awaitItem(2);
                long seq = Chats.say(chat.contactToken(), chat.chatId(), "Are you still there?").statusCode(201)
                        .extract().jsonPath().getLong("seq");
                // Published on a partition the instance does not read now: nothing reaches the desk yet.
                intruder.awaitRecordOn(messages);
                assertThat(desk.itemSeqs(chat.chatId())).doesNotContain(seq);

                intruder.close();
                // The partition is back; nothing else happens in this chat, so only the fan-out can bring it.
                desk.awaitItem(seq);
            }
        }
    }

    private static int partitionOf(String chatId, int partitions) {
        return Utils.toPositive(Utils.murmur2(chatId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** A second member of the instance's fan-out group: joining and leaving makes the group rebalance. */
    private static final class Intruder implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Thread poller;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Set<TopicPartition> assigned = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Set<String> recordTopics = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Intruder(String group, List<String> topics) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SwitchboardInfrastructure.kafkaBootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            // Sorted first among the members: the range assignor gives it two of each topic's three partitions.
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "0-intruder");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            poller = new Thread(() -> {
                consumer.subscribe(topics);
                while (running.get()) {
                    consumer.poll(POLL).forEach(r -> recordTopics.add(r.topic()));
                    Set<TopicPartition> now = new HashSet<>(consumer.assignment());
                    assigned.retainAll(now);
                    assigned.addAll(now);
                }
                consumer.close();
            }, "fanout-intruder");
            poller.start();
        }

        Set<Integer> awaitPartitionsOf(String topic) {
            await().atMost(Socket.WAIT).until(() -> assigned.stream().anyMatch(p -> p.topic().equals(topic)));
            Set<Integer> partitions = new HashSet<>();
            assigned.stream().filter(p -> p.topic().equals(topic)).forEach(p -> partitions.add(p.partition()));
            return partitions;
        }

        int partitionCount(String topic) {
            return Broker.companion().topics().describe(topic).get(topic).partitions().size();
        }

        void awaitRecordOn(String topic) {
            await().atMost(Socket.WAIT).until(() -> recordTopics.contains(topic));
        }

        @Override
        public void close() throws InterruptedException {
            if (running.getAndSet(false)) {
                poller.join();
            }
        }
    }
}
