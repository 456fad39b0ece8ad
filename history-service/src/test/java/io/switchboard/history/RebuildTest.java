package io.switchboard.history;

import static io.restassured.RestAssured.given;
import static io.switchboard.stack.test.TestDatabase.execute;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.EventEnvelope;
import io.switchboard.history.rebuild.RebuildService;
import io.switchboard.history.rebuild.StoreSchema;
import io.switchboard.history.view.InteractionReader;
import io.switchboard.history.view.InteractionView;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The whole history rebuilt from the topics into a fresh schema equals the one the live consumers built. */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "history"),
        @ResourceArg(name = "topics", value = "dlq.history-service")})
class RebuildTest {

    @Inject
    RebuildService rebuild;

    @Inject
    InteractionReader reader;

    @Test
    void aRebuildFromTheLogMatchesTheLiveStoreAndFindsTampering() throws Exception {
        ChatScenario chat = new ChatScenario().with(c -> c.start = Instant.parse("2035-01-15T12:00:00Z"));
        // The log may hold every event twice (a redelivery keeps the event id): each is applied once, live and rebuilt.
        List<EventEnvelope> log = chat.envelopes();
        EventLog.publish(log);
        EventLog.publish(log);
        InteractionHistoryTest.awaitDone(chat.chatId);
        EventLog.awaitAllConsumed();

        var report = given().auth().oauth2(Tokens.supervisor("supervisor1")).queryParam("keep", true)
                .post("/api/history/rebuild").then().statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("matches")).as(report.prettify()).isTrue();
        assertThat(report.getLong("rebuiltInteractions")).isEqualTo(report.getLong("liveInteractions"))
                .isPositive();
        assertThat(report.getLong("recordsRead")).isGreaterThanOrEqualTo(2L * chat.envelopes().size());

        // Compare one interaction ourselves: the same in full in both stores.
        StoreSchema rebuilt = new StoreSchema(report.getString("schema"));
        InteractionView live = rebuild.read(Optional.empty(), () -> reader.find(chat.chatId));
        InteractionView fromLog = rebuild.read(Optional.of(rebuilt), () -> reader.find(chat.chatId));
        assertThat(fromLog).isNotNull().isEqualTo(live);
        assertThat(fromLog.messages()).hasSize(4);

        // A live record that no longer says what the log says is reported.
        execute("update interaction set disposition_code = 'TAMPERED' where chat_id = ?", chat.chatId);
        var tampered = given().auth().oauth2(Tokens.supervisor("supervisor1"))
                .post("/api/history/rebuild").then().statusCode(200).extract().jsonPath();
        assertThat(tampered.getBoolean("matches")).isFalse();
        assertThat(tampered.getList("differences", String.class)).containsExactly(chat.chatId);

        execute("update interaction set disposition_code = ? where chat_id = ?", chat.disposition, chat.chatId);
        execute("drop schema " + rebuilt.name() + " cascade");
    }

    @Test
    void onlySupervisorsRebuild() {
        given().auth().oauth2(Tokens.agent("agent1")).post("/api/history/rebuild").then().statusCode(403);
    }
}
