package io.switchboard.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.CallStatus;
import io.switchboard.events.TelephonyStatus;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.telephony.support.Kafka;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** No PBX endpoint configured (the local run): the agent gets a clear answer instead of waiting. */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "telephony"),
        @ResourceArg(name = SwitchboardInfrastructure.TOPICS_ARG, value = "dlq.telephony-adapter")})
class NotConfiguredTest {

    @Test
    void withoutAnEndpointACallFailsNotConfigured() {
        String chat = Kafka.newChatId();
        String request = "call-" + UUID.randomUUID();
        try (Kafka kafka = new Kafka()) {
            kafka.requestCall(chat, request, "agent1", "+14155550123");

            CallStatus failed = kafka.awaitStatuses(chat, 1).get(0);
            assertThat(failed.status()).isEqualTo(TelephonyStatus.FAILED);
            assertThat(failed.reason()).isEqualTo("not-configured");
            assertThat(failed.requestId()).isEqualTo(request);
            assertThat(failed.chatId()).isEqualTo(chat);
        }
    }
}
