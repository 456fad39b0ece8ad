package io.switchboard.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Analysts' exports (JSON Lines, CSV safe for spreadsheets) and per queue and day figures, over June 2033. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "history"),
        @ResourceArg(name = "topics", value = "dlq.history-service")})
class ExportAndFiguresTest {

    private static final String FROM = "2033-06-01";
    private static final String TO = "2033-06-02";
    private static final String FORMULA_NOTES = "=HYPERLINK(\"http://evil.example\")";

    private final String queue = "figures-" + UUID.randomUUID().toString().substring(0, 8);
    /** Staff of these chats only, so that the survey figures per agent count nothing of the other tests. */
    private final String firstAgent = queue + "-a1";
    private final String secondAgent = queue + "-a2";
    private final ChatScenario risky = scenario("2033-06-01T08:00:00Z", "RESOLVED")
            .with(c -> {
                c.contactName = "+Mallory, Jr.";
                c.notes = FORMULA_NOTES;
                c.surveyScore = 5;
                c.surveyComment = "-1 star for the wait, =SUM(A1)";
            });
    private final ChatScenario plain = scenario("2033-06-01T09:00:00Z", "ESCALATED").with(c -> c.surveyScore = 2);
    private final ChatScenario nextDay = scenario("2033-06-02T09:00:00Z", "RESOLVED").with(c -> c.surveyScore = 3);

    private boolean published;

    /** Once for the class, but after Quarkus has pointed REST Assured at the application (not so in @BeforeAll). */
    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        published = true;
        for (ChatScenario chat : List.of(risky, plain, nextDay)) {
            EventLog.publish(chat.envelopes());
        }
        for (ChatScenario chat : List.of(risky, plain, nextDay)) {
            InteractionHistoryTest.awaitDone(chat.chatId);
        }
    }

    @Test
    void csvExportEscapesFormulasAndQuotes() {
        String csv = supervisor().queryParam("format", "csv").get("/api/history/export").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().filter(line -> line.startsWith("chatId") || line.contains(queue)).toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("chatId,state,contactId,contactName")
                .endsWith(",data,surveyScore,surveyComment");
        assertThat(lines.get(2)).endsWith(",orderNumber=" + ChatScenario.NEW_ORDER_NUMBER
                + "|callback=true,2,\"Quick refund, thank you\"");
        assertThat(lines.get(1)).endsWith(",5,\"'-1 star for the wait, =SUM(A1)\"");
        assertThat(lines.get(1)).startsWith(risky.chatId + ",DONE,")
                .contains(",\"'+Mallory, Jr.\",")
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\")\",")
                .contains("," + ChatScenario.WAIT_SECONDS + "," + ChatScenario.HANDLE_SECONDS + ",");
        assertThat(lines.get(2)).startsWith(plain.chatId + ",DONE,").contains(",ESCALATED,");
        assertThat(lines.get(3)).startsWith(nextDay.chatId + ",");
    }

    @Test
    void jsonLinesExportHasEveryInteractionInFullOldestFirst() {
        String body = supervisor().queryParam("format", "jsonl").get("/api/history/export").then().statusCode(200)
                .contentType(startsWith("application/x-ndjson")).extract().asString();
        List<JsonNode> ours = body.lines().map(Json::parse).filter(n -> queue.equals(n.path("queue").asText()))
                .toList();
        assertThat(ours).extracting(n -> n.path("chatId").asText())
                .containsExactly(risky.chatId, plain.chatId, nextDay.chatId);
        assertThat(ours.get(0).path("wrapUp").path("notes").asText()).isEqualTo(FORMULA_NOTES);
        assertThat(ours.get(0).path("messages")).hasSize(4);
    }

    @Test
    void exportIsForSupervisorsWithADateRange() {
        given().auth().oauth2(Tokens.agent("agent1")).queryParam("from", FROM).queryParam("to", TO)
                .get("/api/history/export").then().statusCode(403);
        given().auth().oauth2(Tokens.supervisor("supervisor1")).queryParam("to", TO)
                .get("/api/history/export").then().statusCode(400).contentType("application/problem+json");
        supervisor().queryParam("format", "xlsx").get("/api/history/export").then().statusCode(400);
    }

    @Test
    void figuresPerQueueAndDay() {
        var figures = supervisor().get("/api/history/figures").then().statusCode(200).body("zone", equalTo("UTC"))
                .extract().body().asString();
        List<JsonNode> rows = new java.util.ArrayList<>();
        Json.parse(figures).path("rows").forEach(row -> {
            if (queue.equals(row.path("queue").asText())) {
                rows.add(row);
            }
        });
        assertThat(rows).extracting(r -> r.path("day").asText()).containsExactly(FROM, TO);
        JsonNode firstDay = rows.get(0);
        assertThat(firstDay.path("interactions").asLong()).isEqualTo(2);
        assertThat(firstDay.path("averageWaitSeconds").asDouble()).isEqualTo(ChatScenario.WAIT_SECONDS);
        assertThat(firstDay.path("averageHandleSeconds").asDouble()).isEqualTo(ChatScenario.HANDLE_SECONDS);
        assertThat(firstDay.path("dispositions").path("RESOLVED").asLong()).isEqualTo(1);
        assertThat(firstDay.path("dispositions").path("ESCALATED").asLong()).isEqualTo(1);
        assertThat(rows.get(1).path("interactions").asLong()).isEqualTo(1);
        // The satisfaction survey: answers and average score per queue and day...
        assertThat(firstDay.path("surveys").asLong()).isEqualTo(2);
        assertThat(firstDay.path("averageScore").asDouble()).isEqualTo(3.5);
        assertThat(rows.get(1).path("surveys").asLong()).isEqualTo(1);
        assertThat(rows.get(1).path("averageScore").asDouble()).isEqualTo(3.0);
        // ... and per agent and day: each agent the survey named (first agent, second agent, the supervisor).
        List<String> agentRows = new java.util.ArrayList<>();
        Json.parse(figures).path("agents").forEach(row -> {
            if (row.path("agentId").asText().startsWith(queue)) {
                agentRows.add(row.path("agentId").asText() + " " + row.path("day").asText() + " "
                        + row.path("surveys").asLong() + " " + row.path("averageScore").asDouble());
            }
        });
        assertThat(agentRows).containsExactly(firstAgent + " " + FROM + " 2 3.5", secondAgent + " " + FROM + " 2 3.5",
                firstAgent + " " + TO + " 1 3.0", secondAgent + " " + TO + " 1 3.0");

        given().auth().oauth2(Tokens.agent("agent1")).get("/api/history/figures").then().statusCode(403);
    }

    private RequestSpecification supervisor() {
        return given().auth().oauth2(Tokens.supervisor("supervisor1")).queryParam("from", FROM).queryParam("to", TO);
    }

    private ChatScenario scenario(String start, String disposition) {
        return new ChatScenario().with(c -> {
            c.queue = queue;
            c.transferQueue = queue;
            c.agent = firstAgent;
            c.secondAgent = secondAgent;
            c.disposition = disposition;
            c.start = Instant.parse(start);
        });
    }
}
