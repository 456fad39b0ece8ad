package io.switchboard.transcript.support;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.ChatEnded;
import io.switchboard.events.ChatMessage;
import io.switchboard.events.ChatParticipant;
import io.switchboard.events.ChatRequested;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.EndReason;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Events;
import io.switchboard.events.MessageKind;
import io.switchboard.events.OfferKind;
import io.switchboard.events.ParticipantChange;
import io.switchboard.events.ParticipantRole;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.events.SwitchboardEvent;
import io.switchboard.events.TranscriptRequested;
import io.switchboard.events.WorkflowDecision;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes the events session-service and routing-service would publish for one chat, on the real broker. */
public final class TestChats {

    public static final String PRODUCER = "session-service";
    public static final String AGENT_ID = "agent1";
    public static final String AGENT_NAME = "Alice Martin";
    public static final String PAGE_URL = "https://help.example.com/returns?item=42&step=2";
    public static final String SCRIPT_TEXT = "<script>alert(1)</script> & <b>bold</b>";

    private final KafkaCompanion kafka;
    private final String prefix;
    public final String chatId = "chat-" + UUID.randomUUID();
    public final Instant start = Instant.parse("2026-03-14T09:30:00Z");

    public TestChats(KafkaCompanion kafka, String prefix) {
        this.kafka = kafka;
        this.prefix = prefix;
    }

    public static String uniqueAddress(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.test";
    }

    public void requested(String contactName, String email, String language) {
        publish(new ChatRequested(chatId, "contact-" + chatId, contactName, email, List.of(), "sales",
                "Returning a parcel", language, start));
    }

    /** Contact joins, agent accepts and joins, three messages (one pushes a page). Positions 1 to 5. */
    public void conversation(String contactName) {
        publish(new ChatParticipant(chatId, 1, true, ParticipantChange.CONTACT_JOINED, "contact:" + chatId,
                contactName, ParticipantRole.CONTACT, at(0)));
        publish(new ChatRouted(chatId, RoutingOutcome.ACCEPTED, "sales", "offer-1", AGENT_ID, AGENT_NAME,
                OfferKind.CHAT, null, null, null, null, null, null, at(1)));
        publish(new ChatParticipant(chatId, 2, true, ParticipantChange.AGENT_JOINED, AGENT_ID, AGENT_NAME,
                ParticipantRole.AGENT, at(1)));
        message(3, "contact:" + chatId, contactName, ParticipantRole.CONTACT, MessageKind.TEXT, SCRIPT_TEXT, null);
        message(4, AGENT_ID, AGENT_NAME, ParticipantRole.AGENT, MessageKind.TEXT, "Here is our returns page.", null);
        message(5, AGENT_ID, AGENT_NAME, ParticipantRole.AGENT, MessageKind.PAGE_PUSH, null, PAGE_URL);
    }

    public void message(long seq, String authorId, String authorName, ParticipantRole role, MessageKind kind,
                        String text, String url) {
        publish(new ChatMessage(chatId, seq, UUID.randomUUID(), "client-" + seq, authorId, authorName, role, kind,
                text, url, List.of(), at(seq)));
    }

    public void ended(long seq) {
        publish(new ChatEnded(chatId, seq, EndReason.AGENT_FINISHED, AGENT_ID, at(seq)));
    }

    public EventEnvelope completed(boolean sendTranscript) {
        EventEnvelope envelope = Events.envelope(new ChatCompleted(chatId, AGENT_ID, "notes", null, sendTranscript,
                WorkflowDecision.NONE, null, at(10)), PRODUCER);
        publish(envelope);
        return envelope;
    }

    public void sendNow(String requestId) {
        publish(new TranscriptRequested(chatId, requestId, AGENT_ID, Instant.now()));
    }

    public void publish(SwitchboardEvent body) {
        publish(Events.envelope(body, PRODUCER));
    }

    /** The same envelope again is what a redelivery looks like to the consumer. */
    public void publish(EventEnvelope envelope) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(prefix + envelope.type(), envelope.interactionId(),
                        Events.write(envelope)))
                .awaitCompletion();
    }

    private Instant at(long minutes) {
        return start.plus(minutes, ChronoUnit.MINUTES);
    }
}
