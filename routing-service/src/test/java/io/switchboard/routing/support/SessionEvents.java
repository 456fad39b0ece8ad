package io.switchboard.routing.support;

import io.switchboard.events.AgentPresence;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.ChatEnded;
import io.switchboard.events.ChatEvent;
import io.switchboard.events.ChatRequested;
import io.switchboard.events.EndReason;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Events;
import io.switchboard.events.PresenceStatus;
import io.switchboard.events.WorkflowDecision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces session-service events, as real envelopes keyed by chat id, on the topics of one deployment prefix. */
public class SessionEvents implements AutoCloseable {

    private static final int SEND_TIMEOUT_SECONDS = 30;

    private final KafkaProducer<String, String> producer;
    private final String prefix;

    public SessionEvents(String bootstrapServers, String prefix) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), new StringSerializer());
        this.prefix = prefix;
    }

    public static ChatRequested request(String chatId, String queue) {
        return requestedAt(chatId, queue, Instant.now());
    }

    public static ChatRequested requestedAt(String chatId, String queue, Instant at) {
        return new ChatRequested(chatId, "contact-" + chatId, "Contact " + chatId, chatId + "@example.com",
                List.of(), queue, "A question", "en", at);
    }

    /** A request with attached data, read by the queues' attached-data rules. */
    public static ChatRequested requestWithData(String chatId, String queue, Map<String, Object> data) {
        return new ChatRequested(chatId, "contact-" + chatId, "Contact " + chatId, chatId + "@example.com",
                List.of(), queue, "A question", "en", Instant.now(), false, data);
    }

    public static ChatEnded ended(String chatId, EndReason reason) {
        return new ChatEnded(chatId, 2, reason, "contact:" + chatId, Instant.now());
    }

    public static ChatCompleted completed(String chatId, String agentId) {
        return new ChatCompleted(chatId, agentId, "", null, false, WorkflowDecision.NONE, null, Instant.now());
    }

    /** An agent.presence change, as session-service publishes it (keyed by agent id). */
    public EventEnvelope presence(String agentId, PresenceStatus status, long version) {
        EventEnvelope envelope = Events.envelope(new AgentPresence(agentId, status, version, Instant.now()),
                "session-service");
        send(envelope);
        return envelope;
    }

    public EventEnvelope send(ChatEvent body) {
        EventEnvelope envelope = Events.envelope(body, "session-service");
        send(envelope);
        return envelope;
    }

    /** Sends an envelope as it is, e.g. once more to play a redelivery. */
    public void send(EventEnvelope envelope) {
        try {
            String key = envelope.interactionId() != null ? envelope.interactionId() : envelope.payload().key();
            producer.send(new ProducerRecord<>(prefix + envelope.type(), key,
                    Events.write(envelope))).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce " + envelope.type(), e);
        }
    }

    /** Sends without waiting for the acknowledgement (bursts); {@link #close()} flushes. */
    public void sendAsync(ChatEvent body) {
        EventEnvelope envelope = Events.envelope(body, "session-service");
        producer.send(new ProducerRecord<>(prefix + envelope.type(), envelope.interactionId(), Events.write(envelope)));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
