package io.switchboard.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.CallStatus;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventSchema;
import io.switchboard.events.TelephonyStatus;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.telephony.support.CompanyPbx;
import io.switchboard.telephony.support.CompanyPbx.Received;
import io.switchboard.telephony.support.CompanyPbx.Reply;
import io.switchboard.telephony.support.Kafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapter contract against the real broker and a real HTTP server playing the company's PBX: a
 * {@code chat.call.requested} on the topic → one click-to-call request as configured →
 * {@code telephony.call.status}
 * on the topic, keyed by the chat id.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "telephony"),
        @ResourceArg(name = SwitchboardInfrastructure.TOPICS_ARG, value = "dlq.telephony-adapter")})
@WithTestResource(CompanyPbx.class)
class CallPlacementTest {

    private static final String AGENT = "agent1";
    private static final String NUMBER = "+14155550123";

    @BeforeAll
    static void pbx() {
        CompanyPbx.listen();
    }

    private static String newRequestId() {
        return "call-" + UUID.randomUUID();
    }

    @Test
    void aRequestedCallIsPlacedAsConfiguredAndAnsweredDialling() {
        String chat = Kafka.newChatId();
        String request = newRequestId();
        try (Kafka kafka = new Kafka()) {
            kafka.requestCall(chat, request, AGENT, NUMBER);

            List<CallStatus> statuses = kafka.awaitStatuses(chat, 1);
            CallStatus dialling = statuses.get(0);
            assertThat(dialling.status()).isEqualTo(TelephonyStatus.DIALLING);
            assertThat(dialling.chatId()).isEqualTo(chat);
            assertThat(dialling.requestId()).isEqualTo(request);
            assertThat(dialling.providerCallId()).isEqualTo("pbx-" + request);
            assertThat(dialling.reason()).isNull();
            ConsumerRecord<String, String> record = kafka.records(chat).get(0);
            assertThat(record.key()).isEqualTo(chat);
            assertThat(EventSchema.violations(record.value())).isEmpty();

            List<Received> received = CompanyPbx.received(request);
            assertThat(received).hasSize(1);
            Received call = received.get(0);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/ari/channels");
            assertThat(call.query()).containsEntry("endpoint", "PJSIP/201").containsEntry("extension", NUMBER)
                    .containsEntry("channelId", request);
            assertThat(call.headers()).containsEntry("authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((CompanyPbx.USER + ":" + CompanyPbx.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .containsEntry("content-type", "application/json")
                    .containsEntry("idempotency-key", request);
            assertThat(call.body()).isEqualTo("{\"variables\":{\"SWITCHBOARD_CHAT\":\"" + chat + "\","
                    + "\"SWITCHBOARD_AGENT\":\"" + AGENT + "\",\"CALLBACK\":\""
                    + "https://switchboard.example.com/api/telephony/calls/" + request + "/status\"}}");
        }
    }

    @Test
    void theSameRequestDeliveredTwiceIsDialledOnce() {
        String chat = Kafka.newChatId();
        String request = newRequestId();
        try (Kafka kafka = new Kafka()) {
            EventEnvelope first = kafka.requestCall(chat, request, AGENT, NUMBER);
            kafka.send(first);
            // Another event (another id) for the same request: session-service published it again.
            kafka.requestCall(chat, request, AGENT, NUMBER);
            kafka.awaitStatuses(chat, 1);
            // A later request of the same chat is a sign that the three records before it were consumed.
            String next = newRequestId();
            kafka.requestCall(chat, next, AGENT, NUMBER);
            await().atMost(Kafka.PATIENCE).until(() -> kafka.statuses(chat).stream()
                    .anyMatch(s -> s.requestId().equals(next)));

            assertThat(CompanyPbx.received(request)).hasSize(1);
            assertThat(kafka.statuses(chat).stream().filter(s -> s.requestId().equals(request)
                    && s.status() == TelephonyStatus.DIALLING)).hasSize(1);
        }
    }

    @Test
    void twoServiceUnavailableAnswersAreRetriedAndTheCallIsPlacedOnce() {
        String chat = Kafka.newChatId();
        String request = newRequestId();
        CompanyPbx.script(request, Reply.status(503), Reply.status(503));
        try (Kafka kafka = new Kafka()) {
            kafka.requestCall(chat, request, AGENT, NUMBER);

            CallStatus status = kafka.awaitStatuses(chat, 1).get(0);
            assertThat(status.status()).isEqualTo(TelephonyStatus.DIALLING);
            List<Received> received = CompanyPbx.received(request);
            assertThat(received).hasSize(3);
            // Backing off: 300 ms, then 600 ms (some slack for the poll).
            assertThat(Duration.between(received.get(0).at(), received.get(1).at())).isGreaterThan(
                    Duration.ofMillis(250));
            assertThat(Duration.between(received.get(1).at(), received.get(2).at())).isGreaterThan(
                    Duration.ofMillis(550));
            sleep(Duration.ofSeconds(2));
            assertThat(CompanyPbx.received(request)).hasSize(3);
            assertThat(kafka.statuses(chat).stream().filter(s -> s.status() == TelephonyStatus.DIALLING)).hasSize(1);
        }
    }

    @Test
    void tooManyRequestsIsRetriedAfterWhatThePbxAsked() {
        String chat = Kafka.newChatId();
        String request = newRequestId();
        CompanyPbx.script(request, Reply.status(429, "Retry-After", "2"));
        try (Kafka kafka = new Kafka()) {
            kafka.requestCall(chat, request, AGENT, NUMBER);

            assertThat(kafka.awaitStatuses(chat, 1).get(0).status()).isEqualTo(TelephonyStatus.DIALLING);
            List<Received> received = CompanyPbx.received(request);
            assertThat(received).hasSize(2);
            assertThat(Duration.between(received.get(0).at(), received.get(1).at()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        }
    }

    @Test
    void aRefusedRequestFailsRejectedWithoutRetry() {
        String chat = Kafka.newChatId();
        String request = newRequestId();
        CompanyPbx.script(request, Reply.status(400));
        try (Kafka kafka = new Kafka()) {
            kafka.requestCall(chat, request, AGENT, NUMBER);

            CallStatus failed = kafka.awaitStatuses(chat, 1).get(0);
            assertThat(failed.status()).isEqualTo(TelephonyStatus.FAILED);
            assertThat(failed.reason()).isEqualTo("rejected");
            assertThat(failed.requestId()).isEqualTo(request);
            sleep(Duration.ofSeconds(1));
            assertThat(CompanyPbx.received(request)).hasSize(1);
        }
    }

    @Test
    void aPbxThatNeverAnswersIsTriedAgainThenTheCallFailsUnreachable() {
        String chat = Kafka.newChatId();
        String request = newRequestId();
        CompanyPbx.script(request, Reply.never(), Reply.never(), Reply.never());
        try (Kafka kafka = new Kafka()) {
            kafka.requestCall(chat, request, AGENT, NUMBER);

            CallStatus failed = kafka.awaitStatuses(chat, 1).get(0);
            assertThat(failed.status()).isEqualTo(TelephonyStatus.FAILED);
            assertThat(failed.reason()).isEqualTo("unreachable");
            List<Received> received = CompanyPbx.received(request);
            assertThat(received).hasSize(3);
            // Each attempt waited for its timeout (1 s) before the next one.
            assertThat(Duration.between(received.get(0).at(), received.get(2).at()))
                    .isGreaterThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aNumberThatIsNotE164IsRejectedWithoutDialling() {
        String chat = Kafka.newChatId();
        String request = newRequestId();
        try (Kafka kafka = new Kafka()) {
            kafka.requestCall(chat, request, AGENT, "0155 5501 23");

            CallStatus failed = kafka.awaitStatuses(chat, 1).get(0);
            assertThat(failed.status()).isEqualTo(TelephonyStatus.FAILED);
            assertThat(failed.reason()).isEqualTo("rejected");
            assertThat(CompanyPbx.received(request)).isEmpty();
        }
    }

    @Test
    void anAgentWithoutAnExtensionGetsNotConfigured() {
        String chat = Kafka.newChatId();
        String request = newRequestId();
        try (Kafka kafka = new Kafka()) {
            kafka.requestCall(chat, request, "agent2", NUMBER);

            CallStatus failed = kafka.awaitStatuses(chat, 1).get(0);
            assertThat(failed.status()).isEqualTo(TelephonyStatus.FAILED);
            assertThat(failed.reason()).isEqualTo("not-configured");
            assertThat(CompanyPbx.received(request)).isEmpty();
        }
    }

    @Test
    void aCallDiallingTooLongFailsNoAnswer() {
        String chat = Kafka.newChatId();
        String request = newRequestId();
        try (Kafka kafka = new Kafka()) {
            kafka.requestCall(chat, request, AGENT, NUMBER);

            List<CallStatus> statuses = kafka.awaitStatuses(chat, 2);
            assertThat(statuses).extracting(CallStatus::status)
                    .containsExactly(TelephonyStatus.DIALLING, TelephonyStatus.FAILED);
            assertThat(statuses.get(1).reason()).isEqualTo("no-answer");
            assertThat(Duration.between(statuses.get(0).at(), statuses.get(1).at()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(8));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
