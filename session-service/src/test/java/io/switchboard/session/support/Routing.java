package io.switchboard.session.support;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.Events;
import io.switchboard.events.OfferKind;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Plays routing-service's side of the contract: real chat.routed events on the real broker. */
public final class Routing {

    private final KafkaCompanion companion;
    private final String topic;

    /** For a @QuarkusTest: the topic of the test's infrastructure. */
    public Routing(KafkaCompanion companion) {
        this(companion, SwitchboardInfrastructure.topicPrefix());
    }

    public Routing(KafkaCompanion companion, String topicPrefix) {
        this.companion = companion;
        this.topic = topicPrefix + "chat.routed";
    }

    public void queued(String chatId, String queue, int position, int estimatedWaitSeconds) {
        publish(new ChatRouted(chatId, RoutingOutcome.QUEUED, queue, null, null, null, null, null, position,
                estimatedWaitSeconds, null, null, null, now()));
    }

    public String offered(String chatId, String agentId, String agentName, OfferKind kind, String requestId,
                          String requestedBy) {
        String offerId = UUID.randomUUID().toString();
        publish(new ChatRouted(chatId, RoutingOutcome.OFFERED, "general", offerId, agentId, agentName, kind,
                now().plusSeconds(30), null, null, requestId, requestedBy, null, now()));
        return offerId;
    }

    /** An offer that is open until {@code expiresAt}. */
    public String offeredUntil(String chatId, String agentId, String agentName, OfferKind kind, Instant expiresAt) {
        String offerId = UUID.randomUUID().toString();
        publish(new ChatRouted(chatId, RoutingOutcome.OFFERED, "general", offerId, agentId, agentName, kind,
                expiresAt, null, null, null, null, null, now()));
        return offerId;
    }

    public void rejected(String chatId, String offerId, String agentId, String agentName, OfferKind kind) {
        publish(new ChatRouted(chatId, RoutingOutcome.REJECTED, "general", offerId, agentId, agentName, kind, null,
                null, null, null, null, null, now()));
    }

    public void accepted(String chatId, String offerId, String agentId, String agentName, OfferKind kind,
                         String requestId, String requestedBy) {
        accepted(chatId, "general", offerId, agentId, agentName, kind, requestId, requestedBy);
    }

    /** An acceptance of an offer made from {@code queue} (a transfer to another queue). */
    public void accepted(String chatId, String queue, String offerId, String agentId, String agentName,
                         OfferKind kind, String requestId, String requestedBy) {
        publish(new ChatRouted(chatId, RoutingOutcome.ACCEPTED, queue, offerId, agentId, agentName, kind, null,
                null, null, requestId, requestedBy, null, now()));
    }

    public void failed(String chatId, String requestId, String requestedBy, String reason) {
        publish(new ChatRouted(chatId, RoutingOutcome.FAILED, "general", null, null, null, OfferKind.TRANSFER, null,
                null, null, requestId, requestedBy, reason, now()));
    }

    /** Offer and acceptance of a new chat by an agent, as routing publishes them. */
    public void assign(String chatId, String agentId, String agentName) {
        String offerId = offered(chatId, agentId, agentName, OfferKind.CHAT, null, null);
        accepted(chatId, offerId, agentId, agentName, OfferKind.CHAT, null, null);
    }

    private void publish(ChatRouted routed) {
        companion.produceStrings().fromRecords(new ProducerRecord<>(topic,
                routed.chatId(), Events.write(Events.envelope(routed, "routing-service")))).awaitCompletion();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
