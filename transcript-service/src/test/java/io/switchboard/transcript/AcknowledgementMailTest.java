package io.switchboard.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventSchema;
import io.switchboard.events.Events;
import io.switchboard.events.MessageLeft;
import io.switchboard.events.TranscriptSent;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.transcript.support.EventLog;
import io.switchboard.transcript.support.Mailboxes;
import io.switchboard.transcript.support.Mailboxes.ReceivedMail;
import io.switchboard.transcript.support.TestChats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A message a contact left is acknowledged by e-mail exactly once, in the contact's language, quoting what they
 * wrote: contact.message.left on the real broker, delivery to the real SMTP server, read back over IMAP.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class,
        initArgs = @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "transcript"))
class AcknowledgementMailTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** Long enough for a duplicate to have arrived, were one on its way (several sender polls). */
    private static final Duration NO_SECOND_COPY = Duration.ofSeconds(3);
    private static final Instant LEFT_AT = Instant.parse("2026-03-14T19:30:00Z");

    @ConfigProperty(name = SwitchboardInfrastructure.KAFKA_BOOTSTRAP_SERVERS)
    String bootstrapServers;

    @ConfigProperty(name = SwitchboardInfrastructure.TOPIC_PREFIX)
    String prefix;

    @ConfigProperty(name = SwitchboardInfrastructure.MAILER_HOST)
    String mailHost;

    @ConfigProperty(name = SwitchboardInfrastructure.TEST_IMAP_PORT)
    int imapPort;

    KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aMessageLeftIsAcknowledgedOnceQuotingItEvenWhenTheEventComesAgain() {
        String messageId = "message-" + UUID.randomUUID();
        String contact = TestChats.uniqueAddress("erin");
        EventEnvelope left = Events.envelope(new MessageLeft(messageId, "contact-" + messageId, "Erin Moss", contact,
                "sales", "en", "Please call me back <b>tomorrow</b>", false, Map.of("orderNumber", "A-1002"),
                LEFT_AT), TestChats.PRODUCER);
        TestChats publisher = new TestChats(kafka, prefix);
        publisher.publish(left);

        ReceivedMail mail = awaitMails(contact, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Switchboard: we received your message");
        assertThat(mail.messageId()).isEqualTo("<transcript." + messageId + ".acknowledgement@switchboard.test>");
        assertThat(mail.text()).contains("We received your message", "Hello Erin Moss,",
                "We will answer you by e-mail as soon as we can", "Topic: sales",
                "[19:30] Erin Moss: Please call me back <b>tomorrow</b>",
                "This e-mail was sent automatically because you left us a message.");
        assertThat(mail.html()).contains("Please call me back &lt;b&gt;tomorrow&lt;/b&gt;")
                .doesNotContain("<b>tomorrow</b>");

        String value = EventLog.awaitValues(kafka, prefix + "transcript.sent", messageId, 1).get(0);
        assertThat(EventSchema.violations(value)).isEmpty();
        TranscriptSent sent = Events.read(value).payload(TranscriptSent.class);
        assertThat(sent.requestId()).isEqualTo(messageId + ".acknowledgement");
        assertThat(sent.recipient()).isEqualTo(contact);

        publisher.publish(left);
        publisher.publish(new MessageLeft(messageId, "contact-" + messageId, "Erin Moss", contact, "sales", "en",
                "Please call me back <b>tomorrow</b>", false, null, LEFT_AT));
        await().during(NO_SECOND_COPY).atMost(NO_SECOND_COPY.multipliedBy(3))
                .until(() -> Mailboxes.read(mailHost, imapPort, contact).size() == 1);
    }

    @Test
    void theAcknowledgementIsInTheContactsLanguage() {
        String messageId = "message-" + UUID.randomUUID();
        String contact = TestChats.uniqueAddress("lea");
        new TestChats(kafka, prefix).publish(new MessageLeft(messageId, "contact-" + messageId, "Léa Martin",
                contact, "billing", "fr", "Merci de me rappeler", false, null, LEFT_AT));

        ReceivedMail mail = awaitMails(contact, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Switchboard : nous avons bien reçu votre message");
        assertThat(mail.text()).contains("Bonjour Léa Martin,", "Nous vous répondrons par e-mail",
                "Léa Martin: Merci de me rappeler");
    }

    private List<ReceivedMail> awaitMails(String address, int count) {
        return Mailboxes.await(mailHost, imapPort, address, count, DELIVERY);
    }
}
