package io.switchboard.telephony.call;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.switchboard.events.CallStatus;
import io.switchboard.events.TelephonyStatus;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import io.switchboard.telephony.support.CompanyPbx;
import io.switchboard.telephony.support.Kafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PBX's status callbacks, and staff reading a call, over HTTP; what they publish on the real broker. */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "telephony"),
        @ResourceArg(name = SwitchboardInfrastructure.TOPICS_ARG, value = "dlq.telephony-adapter")})
@WithTestResource(CompanyPbx.class)
class WebhookTest {

    private static final String NUMBER = "+442071838750";
    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void startPbx() {
        CompanyPbx.listen();
    }

    private static RequestSpecification pbx() {
        return given().header("X-Telephony-Secret", CompanyPbx.WEBHOOK_SECRET).contentType(ContentType.JSON);
    }

    private static String statusPath(String request) {
        return "/api/telephony/calls/" + request + "/status";
    }

    /** A call the PBX accepted: DIALLING on the topic. */
    private static String dialling(Kafka kafka, String chat) {
        String request = "call-" + UUID.randomUUID();
        kafka.requestCall(chat, request, "agent1", NUMBER);
        assertThat(kafka.awaitStatuses(chat, 1).get(0).status()).isEqualTo(TelephonyStatus.DIALLING);
        return request;
    }

    @Test
    void connectedThenEndedArePublishedInOrderAndEachOnce() {
        String chat = Kafka.newChatId();
        try (Kafka kafka = new Kafka()) {
            String request = dialling(kafka, chat);

            pbx().body(Map.of("status", "CONNECTED")).post(statusPath(request))
                    .then().statusCode(200).body("status", equalTo("CONNECTED"));
            // The PBX sends it again (its own retry): accepted, nothing new published.
            pbx().body(Map.of("status", "CONNECTED")).post(statusPath(request)).then().statusCode(200);
            pbx().body(Map.of("status", "ENDED", "reason", "hung-up", "endedBy", "contact", "durationSeconds", 42,
                    "providerCallId", "pbx-" + request))
                    .post(statusPath(request))
                    .then().statusCode(200).body("status", equalTo("ENDED")).body("durationSeconds", equalTo(42));
            pbx().body(Map.of("status", "ENDED")).post(statusPath(request)).then().statusCode(200);

            List<CallStatus> statuses = kafka.awaitStatuses(chat, 3);
            CallPlacementTest.sleep(Duration.ofSeconds(1));
            statuses = kafka.statuses(chat);
            assertThat(statuses).extracting(CallStatus::status).containsExactly(TelephonyStatus.DIALLING,
                    TelephonyStatus.CONNECTED, TelephonyStatus.ENDED);
            CallStatus ended = statuses.get(2);
            assertThat(ended.requestId()).isEqualTo(request);
            assertThat(ended.reason()).isEqualTo("hung-up");
            assertThat(ended.endedBy()).isEqualTo("contact");
            assertThat(ended.durationSeconds()).isEqualTo(42L);
            assertThat(kafka.records(chat)).allSatisfy(r -> assertThat(r.key()).isEqualTo(chat));
        }
    }

    @Test
    void aStatusBackwardsOrAfterTheEndIsRefusedWithConflict() {
        String chat = Kafka.newChatId();
        try (Kafka kafka = new Kafka()) {
            String request = dialling(kafka, chat);
            pbx().body(Map.of("status", "CONNECTED")).post(statusPath(request)).then().statusCode(200);

            pbx().body(Map.of("status", "DIALLING")).post(statusPath(request))
                    .then().statusCode(409).contentType(PROBLEM)
                    .body("type", containsString("status-backwards")).body("status", equalTo("CONNECTED"));

            pbx().body(Map.of("status", "FAILED", "reason", "busy")).post(statusPath(request))
                    .then().statusCode(200).body("status", equalTo("FAILED")).body("reason", equalTo("busy"));
            pbx().body(Map.of("status", "ENDED")).post(statusPath(request))
                    .then().statusCode(409).contentType(PROBLEM).body("type", containsString("call-finished"));

            kafka.awaitStatuses(chat, 3);
            CallPlacementTest.sleep(Duration.ofSeconds(1));
            assertThat(kafka.statuses(chat)).extracting(CallStatus::status).containsExactly(
                    TelephonyStatus.DIALLING, TelephonyStatus.CONNECTED, TelephonyStatus.FAILED);
        }
    }

    @Test
    void withoutTheSecretACallbackIsRefused() {
        String chat = Kafka.newChatId();
        try (Kafka kafka = new Kafka()) {
            String request = dialling(kafka, chat);

            given().contentType(ContentType.JSON).body(Map.of("status", "CONNECTED")).post(statusPath(request))
                    .then().statusCode(401).contentType(PROBLEM);
            given().header("X-Telephony-Secret", "guess").contentType(ContentType.JSON)
                    .body(Map.of("status", "CONNECTED")).post(statusPath(request))
                    .then().statusCode(401).contentType(PROBLEM);
            // The secret as the password of HTTP Basic auth (a callback URL with credentials) is accepted.
            given().auth().preemptive().basic("pbx", CompanyPbx.WEBHOOK_SECRET).contentType(ContentType.JSON)
                    .body(Map.of("status", "CONNECTED")).post(statusPath(request))
                    .then().statusCode(200).body("status", equalTo("CONNECTED"));

            kafka.awaitStatuses(chat, 2);
            assertThat(kafka.statuses(chat)).extracting(CallStatus::status)
                    .containsExactly(TelephonyStatus.DIALLING, TelephonyStatus.CONNECTED);
        }
    }

    @Test
    void anUnknownCallIsNotFound() {
        pbx().body(Map.of("status", "CONNECTED")).post(statusPath("call-" + UUID.randomUUID()))
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        String chat = Kafka.newChatId();
        try (Kafka kafka = new Kafka()) {
            String request = dialling(kafka, chat);

            pbx().body(Map.of("status", "RINGING")).post(statusPath(request))
                    .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("status"));
            pbx().body(Map.of()).post(statusPath(request))
                    .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("status"));
            pbx().body(Map.of("status", "FAILED", "reason", "bored")).post(statusPath(request))
                    .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("reason"));
            pbx().body(Map.of("status", "ENDED", "durationSeconds", -3)).post(statusPath(request))
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("durationSeconds"));

            given().auth().oauth2(Tokens.supervisor("supervisor1")).get("/api/telephony/calls/" + request)
                    .then().statusCode(200).body("status", equalTo("DIALLING"));
            assertThat(kafka.statuses(chat)).hasSize(1);
        }
    }

    @Test
    void twilioStatusCallbacksAreUnderstood() {
        String chat = Kafka.newChatId();
        try (Kafka kafka = new Kafka()) {
            String request = dialling(kafka, chat);

            twilio(request, Map.of("CallSid", "CA123", "CallStatus", "ringing")).then().statusCode(200);
            twilio(request, Map.of("CallSid", "CA123", "CallStatus", "in-progress")).then().statusCode(200)
                    .body("status", equalTo("CONNECTED")).body("providerCallId", equalTo("CA123"));
            twilio(request, Map.of("CallSid", "CA123", "CallStatus", "completed", "CallDuration", "75"))
                    .then().statusCode(200).body("status", equalTo("ENDED"));
            twilio(request, Map.of("CallSid", "CA123", "CallStatus", "exploded"))
                    .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("CallStatus"));

            List<CallStatus> statuses = kafka.awaitStatuses(chat, 3);
            assertThat(statuses).extracting(CallStatus::status).containsExactly(TelephonyStatus.DIALLING,
                    TelephonyStatus.CONNECTED, TelephonyStatus.ENDED);
            assertThat(statuses.get(2).durationSeconds()).isEqualTo(75L);
            assertThat(statuses.get(2).providerCallId()).isEqualTo("CA123");
        }
    }

    private static io.restassured.response.Response twilio(String request, Map<String, String> form) {
        return given().auth().preemptive().basic("twilio", CompanyPbx.WEBHOOK_SECRET)
                .contentType(ContentType.URLENC).formParams(form).post(statusPath(request));
    }

    @Test
    void staffReadACallAgentsOnlyTheirOwn() {
        String chat = Kafka.newChatId();
        try (Kafka kafka = new Kafka()) {
            String request = dialling(kafka, chat);
            String path = "/api/telephony/calls/" + request;

            given().auth().oauth2(Tokens.agent("agent1")).get(path).then().statusCode(200)
                    .body("requestId", equalTo(request)).body("chatId", equalTo(chat))
                    .body("phoneNumber", equalTo(NUMBER)).body("status", equalTo("DIALLING"))
                    .body("attempts", equalTo(1)).body("providerCallId", equalTo("pbx-" + request));
            given().auth().oauth2(Tokens.agent("agent2")).get(path).then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(Tokens.supervisor("supervisor1")).get(path).then().statusCode(200);
            given().get(path).then().statusCode(401);
            given().auth().oauth2(Tokens.agent("agent1")).get("/api/telephony/calls/nope").then().statusCode(404)
                    .contentType(PROBLEM);
        }
    }
}
