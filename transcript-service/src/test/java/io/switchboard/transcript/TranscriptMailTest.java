package io.switchboard.transcript;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.ChatCompleted;
import io.switchboard.events.ChatDataChanged;
import io.switchboard.events.ChatMessage;
import io.switchboard.events.DataOrigin;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventSchema;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.events.MessageKind;
import io.switchboard.events.ParticipantRole;
import io.switchboard.events.TranscriptFailed;
import io.switchboard.events.TranscriptSent;
import io.switchboard.events.WorkflowDecision;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import io.switchboard.transcript.support.CrashableDeliveryLedger;
import io.switchboard.transcript.support.EventLog;
import io.switchboard.transcript.support.Mailboxes.ReceivedMail;
import io.switchboard.transcript.support.Mailboxes;
import io.switchboard.transcript.support.TestChats;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transcript e-mail end to end: events on the real broker, the real database, delivery to the real SMTP server
 * and reading it back over IMAP like a mail client. Also the one channel that reads every type a transcript is made
 * of: a record it can never apply goes alone to the dead-letter topic, and an event recorded as applied under its
 * type's consumer name (as the channel per type recorded it before) is not applied again.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "transcript"),
        @ResourceArg(name = SwitchboardInfrastructure.TOPICS_ARG, value = "dlq.transcript-service")})
class TranscriptMailTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** Every mail that went out is copied here (application.properties, %test). */
    private static final String AUDIT_ADDRESS = "transcript-audit@switchboard.test";
    /** Long enough for a duplicate to have arrived, were one on its way (several sender polls). */
    private static final Duration NO_SECOND_COPY = Duration.ofSeconds(3);

    @ConfigProperty(name = SwitchboardInfrastructure.KAFKA_BOOTSTRAP_SERVERS)
    String bootstrapServers;

    /** A client of the real broker, one per test (JUnit makes a new instance of the class for each test). */
    KafkaCompanion kafka;

    @ConfigProperty(name = SwitchboardInfrastructure.TOPIC_PREFIX)
    String prefix;

    @ConfigProperty(name = SwitchboardInfrastructure.MAILER_HOST)
    String mailHost;

    @ConfigProperty(name = SwitchboardInfrastructure.TEST_IMAP_PORT)
    int imapPort;

    /** The service's own database, to record what an older consumer applied. */
    @Inject
    Pool database;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void mailsTheTranscriptInBothPartsWithEscapedTextAndLinks() {
        TestChats chat = new TestChats(kafka, prefix);
        String contact = TestChats.uniqueAddress("jane");
        chat.requested("Jane Doe", contact, "en");
        chat.conversation("Jane Doe");
        chat.ended(6);
        chat.completed(true);

        ReceivedMail mail = awaitMails(contact, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Switchboard: transcript of your chat of March 14, 2026");
        assertThat(mail.messageId()).isEqualTo("<transcript." + chat.chatId + ".completed@switchboard.test>");
        assertThat(mail.contentType()).startsWith("multipart/alternative");
        assertThat(mail.bcc()).as("the audit copy is blind").isEmpty();

        assertThat(mail.text()).contains("Hello Jane Doe,", "Date: March 14, 2026", "Topic: sales",
                "Subject: Returning a parcel", "[09:30] * Jane Doe joined the chat",
                "[09:31] * Alice Martin joined the chat", "[09:33] Jane Doe: " + TestChats.SCRIPT_TEXT,
                "[09:34] Alice Martin: Here is our returns page.",
                "[09:35] Alice Martin: shared a page " + TestChats.PAGE_URL, "[09:36] * The chat ended");
        assertThat(mail.html())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<script>", "<b>bold</b>")
                .contains("<a href=\"https://help.example.com/returns?item=42&amp;step=2\"")
                .contains("Switchboard", "Alice Martin", "March 14, 2026", "sales", "Times are in UTC.");

        TranscriptSent sent = Events.read(EventLog.awaitValues(kafka, prefix + "transcript.sent", chat.chatId, 1)
                .get(0)).payload(TranscriptSent.class);
        assertThat(sent.requestId()).isEqualTo(chat.chatId + ".completed");
        assertThat(sent.recipient()).isEqualTo(contact);
        assertThat(sent.messageId()).isEqualTo(mail.messageId());
        assertThat(sent.attempts()).isEqualTo(1);
    }

    @Test
    void aFileIsALinkToItsDownloadNeverAnAttachment() {
        TestChats chat = new TestChats(kafka, prefix);
        String contact = TestChats.uniqueAddress("file");
        chat.requested("Jane Doe", contact, "en");
        chat.conversation("Jane Doe");
        UUID fileId = UUID.randomUUID();
        chat.publish(new ChatMessage(chat.chatId, 6, UUID.randomUUID(), "f1", "contact:" + chat.chatId, "Jane Doe",
                ParticipantRole.CONTACT, MessageKind.FILE, "receipt.png", null, List.of(),
                chat.start.plusSeconds(400), null,
                new ChatMessage.Attachment(fileId, "receipt.png", "image/png", 48213)));
        chat.ended(7);
        chat.completed(true);

        ReceivedMail mail = awaitMails(contact, 1).get(0);
        String link = "http://localhost:8080/api/chats/" + chat.chatId + "/attachments/" + fileId;
        // Text and HTML alternatives only: no part carries the file.
        assertThat(mail.contentType()).startsWith("multipart/alternative");
        assertThat(mail.text()).contains("[09:36] Jane Doe: shared a file, receipt.png " + link);
        assertThat(mail.html()).contains("shared a file, receipt.png: <a href=\"" + link + "\"");
    }

    @Test
    void whispersAreNeverInTheContactsTranscript() {
        TestChats chat = new TestChats(kafka, prefix);
        String contact = TestChats.uniqueAddress("whisper");
        chat.requested("Jane Doe", contact, "en");
        chat.conversation("Jane Doe");
        chat.publish(new ChatMessage(chat.chatId, 6, UUID.randomUUID(), "w1", "sup1", "Sam Super",
                ParticipantRole.SUPERVISOR, MessageKind.TEXT, "Offer her the refund", null, List.of(),
                chat.start.plusSeconds(400), true));
        chat.publish(new ChatMessage(chat.chatId, 7, UUID.randomUUID(), "w2", TestChats.AGENT_ID,
                TestChats.AGENT_NAME, ParticipantRole.AGENT, MessageKind.TEXT, "Doing it now", null, List.of(),
                chat.start.plusSeconds(410), true));
        chat.ended(8);
        chat.completed(true);

        // The whispers' positions count: the chat is complete and its mail goes out, without them.
        ReceivedMail mail = awaitMails(contact, 1).get(0);
        assertThat(mail.text()).contains("Alice Martin: Here is our returns page.", "* The chat ended")
                .doesNotContain("Offer her the refund", "Doing it now", "Sam Super");
        assertThat(mail.html()).doesNotContain("Offer her the refund", "Doing it now", "Sam Super");
        given().auth().oauth2(Tokens.agent(TestChats.AGENT_ID, TestChats.AGENT_NAME))
                .get("/api/transcripts/{chatId}", chat.chatId)
                .then().statusCode(200)
                .body("complete", equalTo(true))
                .body("lines.seq", equalTo(List.of(1, 2, 3, 4, 5, 8)));
    }

    @Test
    void publishesSchemaValidResultEvents() {
        TestChats chat = new TestChats(kafka, prefix);
        chat.requested("Jane Doe", TestChats.uniqueAddress("valid"), "en");
        chat.ended(1);
        chat.completed(true);
        String value = EventLog.awaitValues(kafka, prefix + "transcript.sent", chat.chatId, 1).get(0);
        assertThat(EventSchema.violations(value)).isEmpty();

        TestChats refused = new TestChats(kafka, prefix);
        refused.requested("Eve", "not-an-address", "en");
        refused.ended(1);
        refused.completed(true);
        String failure = EventLog.awaitValues(kafka, prefix + "transcript.failed", refused.chatId, 1).get(0);
        assertThat(EventSchema.violations(failure)).isEmpty();
        assertThat(Events.read(failure).payload(TranscriptFailed.class).reason()).contains("not one valid address");
    }

    @Test
    void writesInTheContactsLanguage() {
        TestChats chat = new TestChats(kafka, prefix);
        String contact = TestChats.uniqueAddress("jean");
        chat.requested("Jean Dupont", contact, "fr-CA");
        chat.conversation("Jean Dupont");
        chat.ended(6);
        chat.completed(true);

        ReceivedMail mail = awaitMails(contact, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Switchboard : transcription de votre conversation du 14 mars 2026");
        assertThat(mail.text()).contains("Bonjour Jean Dupont,", "Alice Martin a rejoint la conversation",
                "a partagé une page", "La conversation est terminée");
        assertThat(mail.html()).contains("lang=\"fr\"", "Transcription de votre conversation",
                "Les heures sont indiquées en UTC.");
    }

    @Test
    void messagesOfSeveralChatsReadTogetherEachLandOnceInTheirOwnTranscript() {
        TestChats jane = new TestChats(kafka, prefix);
        TestChats john = new TestChats(kafka, prefix);
        String janeAddress = TestChats.uniqueAddress("together-jane");
        String johnAddress = TestChats.uniqueAddress("together-john");
        jane.requested("Jane Doe", janeAddress, "en");
        john.requested("John Roe", johnAddress, "en");
        jane.conversation("Jane Doe");
        john.conversation("John Roe");
        // Back to back, so that a poll carries the messages of both chats (applied together), one of them twice.
        EventEnvelope janeLast = Events.envelope(new ChatMessage(jane.chatId, 6, UUID.randomUUID(), "client-6",
                "contact:" + jane.chatId, "Jane Doe", ParticipantRole.CONTACT, MessageKind.TEXT, "Thanks, Jane here.",
                null, List.of(), jane.start.plusSeconds(6 * 60)), TestChats.PRODUCER);
        jane.publish(janeLast);
        john.message(6, "contact:" + john.chatId, "John Roe", ParticipantRole.CONTACT, MessageKind.TEXT,
                "Thanks, John here.", null);
        jane.publish(janeLast);
        jane.ended(7);
        john.ended(7);
        jane.completed(true);
        john.completed(true);

        String janeText = awaitMails(janeAddress, 1).get(0).text();
        String johnText = awaitMails(johnAddress, 1).get(0).text();
        assertThat(janeText).contains("[09:36] Jane Doe: Thanks, Jane here.", "[09:37] * The chat ended")
                .doesNotContain("John");
        assertThat(janeText.split("Thanks, Jane here.", -1)).as("the line delivered twice is written once")
                .hasSize(2);
        assertThat(johnText).contains("[09:33] John Roe: " + TestChats.SCRIPT_TEXT,
                "[09:36] John Roe: Thanks, John here.").doesNotContain("Jane");
    }

    @Test
    void aRedeliveredEventOrARepeatedRequestSendsNoSecondCopy() {
        TestChats chat = new TestChats(kafka, prefix);
        String contact = TestChats.uniqueAddress("twice");
        chat.requested("Jane Doe", contact, "en");
        chat.conversation("Jane Doe");
        chat.ended(6);
        EventEnvelope completed = chat.completed(true);
        chat.publish(completed);
        String sendNow = UUID.randomUUID().toString();
        chat.sendNow(sendNow);
        chat.sendNow(sendNow);

        List<ReceivedMail> mails = awaitMails(contact, 2);
        await().during(NO_SECOND_COPY).atMost(NO_SECOND_COPY.multipliedBy(3))
                .until(() -> Mailboxes.read(mailHost, imapPort, contact).size() == 2);
        assertThat(mails).extracting(ReceivedMail::messageId).containsExactlyInAnyOrder(
                "<transcript." + chat.chatId + ".completed@switchboard.test>",
                "<transcript." + sendNow + "@switchboard.test>");
    }

    @Test
    void aRequestWaitsForTheEndOfTheChatAndItsLateLines() {
        TestChats chat = new TestChats(kafka, prefix);
        String contact = TestChats.uniqueAddress("early");
        chat.requested("Jane Doe", contact, "en");
        chat.sendNow(UUID.randomUUID().toString());
        chat.conversation("Jane Doe");
        await().during(NO_SECOND_COPY).atMost(NO_SECOND_COPY.multipliedBy(3))
                .until(() -> Mailboxes.read(mailHost, imapPort, contact).isEmpty());

        // The end overtakes the last message, which travels on another topic.
        chat.ended(7);
        chat.message(6, TestChats.AGENT_ID, TestChats.AGENT_NAME, ParticipantRole.AGENT, MessageKind.TEXT,
                "Goodbye and thank you.", null);

        ReceivedMail mail = awaitMails(contact, 1).get(0);
        assertThat(mail.text()).contains("Alice Martin: Goodbye and thank you.", "* The chat ended");
    }

    @Test
    void headerInjectionThroughTheAddressOrTheNameIsImpossible() {
        String victim = TestChats.uniqueAddress("victim");
        String intruder = TestChats.uniqueAddress("intruder");

        TestChats byAddress = new TestChats(kafka, prefix);
        byAddress.requested("Eve", victim + "\r\nBcc: " + intruder, "en");
        byAddress.ended(1);
        byAddress.completed(true);
        String failure = EventLog.awaitValues(kafka, prefix + "transcript.failed", byAddress.chatId, 1).get(0);
        assertThat(Events.read(failure).payload(TranscriptFailed.class).attempts()).isZero();

        TestChats byName = new TestChats(kafka, prefix);
        String injectedName = "Eve\r\nBcc: " + intruder + "\r\nSubject: you won";
        byName.requested(injectedName, victim, "en");
        byName.conversation(injectedName);
        byName.ended(6);
        byName.completed(true);

        ReceivedMail mail = awaitMails(victim, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Switchboard: transcript of your chat of March 14, 2026");
        assertThat(mail.bcc()).isEmpty();
        assertThat(mail.to()).containsExactly(victim);
        assertThat(Mailboxes.read(mailHost, imapPort, intruder)).isEmpty();
    }

    @Test
    void aCrashBetweenTheSmtpAnswerAndTheCommitSendsNoSecondCopy() {
        TestChats chat = new TestChats(kafka, prefix);
        String contact = TestChats.uniqueAddress("crash");
        String requestId = chat.chatId + ".completed";
        CrashableDeliveryLedger.crashAfterSending(requestId);
        chat.requested("Jane Doe", contact, "en");
        chat.conversation("Jane Doe");
        chat.ended(6);
        chat.completed(true);

        awaitMails(contact, 1);
        // The outcome was never recorded: once the lease expires, the audit mailbox settles it as sent.
        TranscriptSent sent = Events.read(EventLog.awaitValues(kafka, prefix + "transcript.sent", chat.chatId, 1)
                .get(0)).payload(TranscriptSent.class);
        // Not "attempts == 1": a slow server may time out a conversation before the one that crashes. The promise is
        // that the crash adds no conversation (the audit mailbox holds one copy) and the contact gets one mail.
        assertThat(Mailboxes.read(mailHost, imapPort, AUDIT_ADDRESS)).filteredOn(m -> sent.messageId()
                .equals(m.messageId())).as("one SMTP conversation went through").hasSize(1);
        given().auth().oauth2(Tokens.supervisor("supervisor1"))
                .get("/api/transcripts/{chatId}", chat.chatId)
                .then().statusCode(200)
                .body("requests[0].status", equalTo("SENT"))
                .body("requests[0].lastError", equalTo(null));
        assertThat(Mailboxes.read(mailHost, imapPort, contact)).hasSize(1);
    }

    @Test
    void agentsWhoTookPartAndSupervisorsReadTheTranscript() {
        TestChats chat = new TestChats(kafka, prefix);
        chat.requested("Jane Doe", TestChats.uniqueAddress("rest"), "en");
        chat.conversation("Jane Doe");
        chat.ended(6);
        chat.completed(true);
        awaitSent(chat.chatId);

        given().auth().oauth2(Tokens.agent(TestChats.AGENT_ID, TestChats.AGENT_NAME))
                .get("/api/transcripts/{chatId}", chat.chatId)
                .then().statusCode(200)
                .body("complete", equalTo(true))
                .body("lines.seq", hasItems(1, 2, 3, 4, 5, 6))
                .body("lines[4].url", equalTo(TestChats.PAGE_URL))
                .body("requests[0].origin", equalTo("COMPLETED"))
                .body("requests[0].attempts", equalTo(1));
        given().auth().oauth2(Tokens.agent("agent2", "Bruno Costa"))
                .get("/api/transcripts/{chatId}", chat.chatId)
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/api/transcripts/{chatId}", chat.chatId).then().statusCode(401);
        given().auth().oauth2(Tokens.supervisor("supervisor1"))
                .get("/api/transcripts/{chatId}", "no-such-chat")
                .then().statusCode(404).body("type", equalTo("https://switchboard.dev/problems/not-found"));
    }

    @Test
    void aSupervisorResendsAsANewRequest() {
        TestChats chat = new TestChats(kafka, prefix);
        String contact = TestChats.uniqueAddress("resend");
        chat.requested("Jane Doe", contact, "en");
        chat.conversation("Jane Doe");
        chat.ended(6);
        chat.completed(true);
        awaitMails(contact, 1);

        given().auth().oauth2(Tokens.agent(TestChats.AGENT_ID, TestChats.AGENT_NAME))
                .post("/api/transcripts/{chatId}/resend", chat.chatId)
                .then().statusCode(403);
        String requestId = given().auth().oauth2(Tokens.supervisor("supervisor1"))
                .post("/api/transcripts/{chatId}/resend", chat.chatId)
                .then().statusCode(202).extract().path("requestId");

        List<ReceivedMail> mails = awaitMails(contact, 2);
        assertThat(mails).extracting(ReceivedMail::messageId)
                .contains("<transcript." + requestId + "@switchboard.test>");
        given().auth().oauth2(Tokens.supervisor("supervisor1"))
                .post("/api/transcripts/{chatId}/resend", "no-such-chat")
                .then().statusCode(404);
    }

    @Test
    void aRecordThatCanNeverBeAppliedGoesAloneToTheDeadLetterTopicAndTheTranscriptStillGoesOut() {
        TestChats chat = new TestChats(kafka, prefix);
        String contact = TestChats.uniqueAddress("dead-letter");
        chat.requested("Jane Doe", contact, "en");
        chat.conversation("Jane Doe");
        String messages = prefix + EventType.CHAT_MESSAGE.topic();
        // Between the chat's events: not an event at all, and an event of a type this channel does not apply.
        EventEnvelope foreign = Events.envelope(new ChatDataChanged(chat.chatId, Map.of("order", "42"), List.of(),
                TestChats.AGENT_ID, DataOrigin.AGENT, Instant.now()), TestChats.PRODUCER);
        kafka.produceStrings().fromRecords(new ProducerRecord<>(messages, chat.chatId, "not an event"),
                new ProducerRecord<>(messages, chat.chatId, Events.write(foreign))).awaitCompletion();
        chat.ended(6);
        chat.completed(true);

        ReceivedMail mail = awaitMails(contact, 1).get(0);
        assertThat(mail.text()).contains("Here is our returns page.", "* The chat ended");
        List<ConsumerRecord<String, String>> dead = deadLetters(chat.chatId, 2);
        assertThat(dead).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("not an event", Events.write(foreign));
        ConsumerRecord<String, String> notApplied = dead.stream()
                .filter(r -> !r.value().equals("not an event")).findFirst().orElseThrow();
        assertThat(header(notApplied, "dead-letter-reason")).contains("does not apply chat.data.changed events");
        assertThat(header(notApplied, "dead-letter-topic")).isEqualTo(messages);
    }

    @Test
    void anEventAppliedUnderItsTypesConsumerNameIsNotAppliedAgain() {
        TestChats chat = new TestChats(kafka, prefix);
        String contact = TestChats.uniqueAddress("known");
        chat.requested("Jane Doe", contact, "en");
        chat.conversation("Jane Doe");
        chat.ended(6);
        EventEnvelope completed = Events.envelope(new ChatCompleted(chat.chatId, TestChats.AGENT_ID, "notes", null,
                true, WorkflowDecision.NONE, null, Instant.now()), TestChats.PRODUCER);
        // What the channel of chat.completed alone recorded when it applied this event (before one channel read all)
        database.preparedQuery("insert into processed_event(consumer, event_id, processed_at) values ($1, $2, now())")
                .executeAndAwait(Tuple.of("transcript.completed", completed.id()));
        chat.publish(completed);

        await().during(NO_SECOND_COPY).atMost(NO_SECOND_COPY.multipliedBy(3))
                .until(() -> Mailboxes.read(mailHost, imapPort, contact).isEmpty());
        // the channel goes on: a request of the agent's is mailed, and only that one
        String sendNow = UUID.randomUUID().toString();
        chat.sendNow(sendNow);
        assertThat(awaitMails(contact, 1)).extracting(ReceivedMail::messageId)
                .containsExactly("<transcript." + sendNow + "@switchboard.test>");
    }

    private List<ReceivedMail> awaitMails(String address, int count) {
        return Mailboxes.await(mailHost, imapPort, address, count, DELIVERY);
    }

    private void awaitSent(String chatId) {
        EventLog.awaitValues(kafka, prefix + "transcript.sent", chatId, 1);
    }

    /** The dead letters keyed {@code key}, read until {@code expected} are there or the delivery wait is over. */
    private List<ConsumerRecord<String, String>> deadLetters(String key, int expected) {
        ConsumerTask<String, String> task = kafka.consumeStrings()
                .withGroupId("dlq-reader-" + UUID.randomUUID())
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(prefix + "dlq.transcript-service");
        try {
            await().atMost(DELIVERY).until(() -> matching(task, key).size() >= expected);
            return matching(task, key);
        } finally {
            task.stop();
        }
    }

    private static List<ConsumerRecord<String, String>> matching(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
