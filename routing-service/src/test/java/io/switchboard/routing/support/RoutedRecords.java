package io.switchboard.routing.support;

import io.switchboard.events.AgentStateChanged;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.events.QueueHours;
import io.switchboard.events.QueueStats;
import io.switchboard.events.RoutingOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Everything routing publishes ({@code chat.routed}, {@code routing.stats}, {@code agent.state},
 * {@code queue.hours}), read from the start of the topics by a
 * fresh consumer group, with the time each record was seen. Duplicates from an at-least-once relay are dropped by
 * event id.
 */
public class RoutedRecords implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);

    public record Seen(ChatRouted event, Instant seenAt) {
    }

    private final List<Seen> routed = new CopyOnWriteArrayList<>();
    private final List<QueueStats> stats = new CopyOnWriteArrayList<>();
    private final List<AgentStateChanged> agentStates = new CopyOnWriteArrayList<>();
    private final List<QueueHours> hours = new CopyOnWriteArrayList<>();
    private final Map<UUID, Boolean> ids = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    public RoutedRecords(String bootstrapServers, String prefix) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "routing-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer());
        String routedTopic = prefix + EventType.CHAT_ROUTED.topic();
        String agentStateTopic = prefix + EventType.AGENT_STATE.topic();
        String hoursTopic = prefix + EventType.QUEUE_HOURS.topic();
        consumer.subscribe(List.of(routedTopic, prefix + EventType.ROUTING_STATS.topic(), agentStateTopic,
                hoursTopic));
        poller = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                        Instant seen = Instant.now();
                        var envelope = Events.read(record.value());
                        if (ids.putIfAbsent(envelope.id(), true) != null) {
                            continue;
                        }
                        if (record.topic().equals(routedTopic)) {
                            routed.add(new Seen(envelope.payload(ChatRouted.class), seen));
                        } else if (record.topic().equals(agentStateTopic)) {
                            agentStates.add(envelope.payload(AgentStateChanged.class));
                        } else if (record.topic().equals(hoursTopic)) {
                            hours.add(envelope.payload(QueueHours.class));
                        } else {
                            stats.add(envelope.payload(QueueStats.class));
                        }
                    }
                }
            }
        }, "routed-records");
        poller.setDaemon(true);
        poller.start();
    }

    public List<ChatRouted> of(String chatId) {
        return routed.stream().map(Seen::event).filter(e -> e.chatId().equals(chatId)).toList();
    }

    public List<Seen> all() {
        return List.copyOf(routed);
    }

    public List<ChatRouted> of(String chatId, RoutingOutcome outcome) {
        return of(chatId).stream().filter(e -> e.outcome() == outcome).toList();
    }

    /** Waits for the first decision of this outcome about the chat. */
    public ChatRouted await(String chatId, RoutingOutcome outcome) {
        return awaitNth(chatId, outcome, 1);
    }

    /** Waits for the n-th decision (from 1) of this outcome about the chat. */
    public ChatRouted awaitNth(String chatId, RoutingOutcome outcome, int n) {
        Awaitility.await().atMost(PATIENCE).until(() -> of(chatId, outcome).size() >= n);
        return of(chatId, outcome).get(n - 1);
    }

    public QueueStats awaitStats(String queue, Predicate<QueueStats> matching) {
        Awaitility.await().atMost(PATIENCE).until(() -> stats.stream()
                .anyMatch(s -> s.queue().equals(queue) && matching.test(s)));
        return stats.stream().filter(s -> s.queue().equals(queue) && matching.test(s)).findFirst().orElseThrow();
    }

    /** Waits for the queue's first {@code queue.hours} event that matches. */
    public QueueHours awaitHours(String queue, Predicate<QueueHours> matching) {
        Awaitility.await().atMost(PATIENCE).until(() -> hours.stream()
                .anyMatch(h -> h.queue().equals(queue) && matching.test(h)));
        return hours.stream().filter(h -> h.queue().equals(queue) && matching.test(h)).findFirst().orElseThrow();
    }

    /** The agent's {@code agent.state} events so far, in the order published (one agent's keep their order). */
    public List<AgentStateChanged> agentStates(String agentId) {
        return agentStates.stream().filter(e -> e.agentId().equals(agentId)).toList();
    }

    /** Waits for the agent's first state change that matches. */
    public AgentStateChanged awaitAgentState(String agentId, Predicate<AgentStateChanged> matching) {
        Awaitility.await().atMost(PATIENCE).until(() -> agentStates(agentId).stream().anyMatch(matching));
        return agentStates(agentId).stream().filter(matching).findFirst().orElseThrow();
    }

    public long count(Collection<String> chatIds, RoutingOutcome outcome) {
        return routed.stream().map(Seen::event)
                .filter(e -> e.outcome() == outcome && chatIds.contains(e.chatId())).count();
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
