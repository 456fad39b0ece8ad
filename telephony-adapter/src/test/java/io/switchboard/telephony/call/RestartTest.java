package io.switchboard.telephony.call;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.events.CallStatus;
import io.switchboard.events.TelephonyStatus;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.telephony.support.CompanyPbx;
import io.switchboard.telephony.support.Database;
import io.switchboard.telephony.support.Kafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A process that died between recording an attempt and learning its outcome: the request may have reached the PBX,
 * so it is never sent again; the PBX's callbacks still move the call on, and without them it fails after the
 * dialling timeout.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "telephony"),
        @ResourceArg(name = SwitchboardInfrastructure.TOPICS_ARG, value = "dlq.telephony-adapter")})
@WithTestResource(CompanyPbx.class)
class RestartTest {

    @BeforeAll
    static void startPbx() {
        CompanyPbx.listen();
    }

    @Test
    void anAttemptLeftInFlightIsNeverSentAgainAndFailsAfterTheDiallingTimeout() {
        String chat = Kafka.newChatId();
        String request = "call-" + UUID.randomUUID();
        try (Kafka kafka = new Kafka()) {
            Database.attemptInFlight(chat, request, "agent1", "+14155550199");
            // The event that caused it is delivered again after the restart.
            kafka.requestCall(chat, request, "agent1", "+14155550199");

            CallStatus failed = kafka.awaitStatuses(chat, 1).get(0);
            assertThat(failed.status()).isEqualTo(TelephonyStatus.FAILED);
            assertThat(failed.reason()).isEqualTo("error");
            assertThat(failed.requestId()).isEqualTo(request);
            assertThat(CompanyPbx.received(request)).isEmpty();
        }
    }

    @Test
    void aCallbackForAnAttemptLeftInFlightMovesItOn() {
        String chat = Kafka.newChatId();
        String request = "call-" + UUID.randomUUID();
        try (Kafka kafka = new Kafka()) {
            Database.attemptInFlight(chat, request, "agent1", "+14155550198");

            given().header("X-Telephony-Secret", CompanyPbx.WEBHOOK_SECRET).contentType(ContentType.JSON)
                    .body(Map.of("status", "CONNECTED", "providerCallId", "pbx-late"))
                    .post("/api/telephony/calls/" + request + "/status")
                    .then().statusCode(200).body("status", equalTo("CONNECTED"));

            kafka.awaitStatuses(chat, 1);
            // Longer than the dialling timeout (8 s): a connected call is not failed by it.
            CallPlacementTest.sleep(Duration.ofSeconds(10));
            List<CallStatus> statuses = kafka.statuses(chat);
            assertThat(statuses).extracting(CallStatus::status).containsExactly(TelephonyStatus.CONNECTED);
            assertThat(statuses.get(0).providerCallId()).isEqualTo("pbx-late");
            assertThat(CompanyPbx.received(request)).isEmpty();
        }
    }
}
