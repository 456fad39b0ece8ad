package io.switchboard.transcript;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.events.EventSchema;
import io.switchboard.events.Events;
import io.switchboard.events.TranscriptFailed;
import io.switchboard.events.TranscriptSent;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import io.switchboard.transcript.support.EventLog;
import io.switchboard.transcript.support.SmtpOutage;
import io.switchboard.transcript.support.TestChats;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMTP server is down: the request is retried with back-off, then delivered or given up. */
@QuarkusTest
@WithTestResource(value = SmtpOutage.class,
        initArgs = @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "transcript"))
class SmtpOutageTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    @ConfigProperty(name = SwitchboardInfrastructure.KAFKA_BOOTSTRAP_SERVERS)
    String bootstrapServers;

    /** A client of the real broker, one per test (JUnit makes a new instance of the class for each test). */
    KafkaCompanion kafka;

    @ConfigProperty(name = SwitchboardInfrastructure.TOPIC_PREFIX)
    String prefix;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void mailServerDownAndDisconnect() {
        SmtpOutage.stopServer();
        kafka.close();
    }

    @Test
    void retriesWhileTheServerIsDownAndDeliversOnceItIsBack() {
        TestChats chat = new TestChats(kafka, prefix);
        String contact = TestChats.uniqueAddress("patient");
        chat.requested("Jane Doe", contact, "en");
        chat.conversation("Jane Doe");
        chat.ended(6);
        chat.completed(true);

        await().atMost(TIMEOUT).until(() -> {
            Map<String, Object> request = firstRequest(chat.chatId);
            return request != null && (Integer) request.get("attempts") >= 2
                    && "PENDING".equals(request.get("status"));
        });
        assertThat((String) firstRequest(chat.chatId).get("lastError")).startsWith("SMTP server unavailable");

        GreenMail server = SmtpOutage.startServer();
        TranscriptSent sent = Events.read(EventLog.awaitValues(kafka, prefix + "transcript.sent", chat.chatId, 1)
                .get(0)).payload(TranscriptSent.class);
        assertThat(sent.attempts()).isGreaterThanOrEqualTo(3);
        MimeMessage[] received = server.getReceivedMessagesForDomain(contact.substring(contact.indexOf('@') + 1));
        assertThat(received).hasSize(1);
    }

    @Test
    void givesUpAfterTheRetryTimeAndSaysWhy() {
        TestChats chat = new TestChats(kafka, prefix);
        chat.requested("Jane Doe", TestChats.uniqueAddress("unlucky"), "en");
        chat.ended(1);
        chat.completed(true);

        String value = EventLog.awaitValues(kafka, prefix + "transcript.failed", chat.chatId, 1).get(0);
        assertThat(EventSchema.violations(value)).isEmpty();
        TranscriptFailed failed = Events.read(value).payload(TranscriptFailed.class);
        assertThat(failed.reason()).startsWith("SMTP server unavailable");
        assertThat(failed.attempts()).isGreaterThan(1);
        assertThat(firstRequest(chat.chatId).get("status")).isEqualTo("FAILED");
    }

    /** The chat's only request as the API shows it, or null before it exists. */
    private static Map<String, Object> firstRequest(String chatId) {
        var response = given().auth().oauth2(Tokens.supervisor("supervisor1"))
                .get("/api/transcripts/{chatId}", chatId);
        if (response.statusCode() != 200 || response.jsonPath().getList("requests").isEmpty()) {
            return null;
        }
        return response.jsonPath().getMap("requests[0]");
    }
}
