package io.switchboard.history;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.AgentStateChanged;
import io.switchboard.events.AgentStatus;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Events;
import io.switchboard.events.StateChangeCause;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The agents' activity log from {@code agent.state} on the real broker: a supervisor reads any agent's day in
 * order, with who changed what and why; an agent reads only their own; a redelivered event is one entry.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "history"),
        @ResourceArg(name = "topics", value = "dlq.history-service")})
class AgentStateLogTest {

    private static final Duration PROJECTED = Duration.ofSeconds(60);
    private static final Instant NINE = Instant.parse("2033-02-03T09:00:00Z");

    private final String agent = "log-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void supervisorsReadAnAgentsStateChangesInOrderWithWhoAndWhy() {
        EventEnvelope ready = change(AgentStatus.READY, null, AgentStatus.LOGGED_OUT, null, StateChangeCause.AGENT,
                agent, NINE);
        EventEnvelope missed = change(AgentStatus.NOT_READY, "missed offer", AgentStatus.READY, null,
                StateChangeCause.ROUTING, null, NINE.plusSeconds(600));
        EventEnvelope coaching = change(AgentStatus.NOT_READY, "coaching", AgentStatus.NOT_READY, "missed offer",
                StateChangeCause.SUPERVISOR, "supervisor1", NINE.plusSeconds(900));
        // Out of order, and one of them twice (an at-least-once relay).
        EventLog.publish(List.of(coaching, ready, missed, ready));

        await().atMost(PROJECTED).untilAsserted(() -> log(Tokens.supervisor("supervisor1", "Sam Taylor"),
                "2033-02-03", null).body("total", equalTo(3)));
        log(Tokens.supervisor("supervisor1", "Sam Taylor"), "2033-02-03", null)
                .body("items.state", contains("READY", "NOT_READY", "NOT_READY"))
                .body("items.reason", contains(null, "missed offer", "coaching"))
                .body("items.cause", contains("AGENT", "ROUTING", "SUPERVISOR"))
                .body("items.changedBy", contains(agent, null, "supervisor1"))
                .body("items[0].agentName", equalTo("Agent " + agent))
                .body("items[0].changedAt", equalTo("2033-02-03T09:00:00Z"))
                .body("items[2].previousReason", equalTo("missed offer"));

        // A range: only what falls in it.
        log(Tokens.supervisor("supervisor1", "Sam Taylor"), "2033-02-03T09:05:00Z", "2033-02-03T09:12:00Z")
                .body("total", equalTo(1)).body("items[0].reason", equalTo("missed offer"));
        // The agent reads their own day.
        log(Tokens.agent(agent), "2033-02-03", null).body("total", equalTo(3));
    }

    @Test
    void anAgentCannotReadAnotherAgentsLogAndBadRangesAreRefused() {
        given().auth().oauth2(Tokens.agent("someone-else"))
                .get("/api/history/agents/" + agent + "/states").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.supervisor("supervisor1", "Sam Taylor"))
                .queryParam("from", "yesterday").get("/api/history/agents/" + agent + "/states")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.supervisor("supervisor1", "Sam Taylor"))
                .queryParam("from", "2033-02-04").queryParam("to", "2033-02-03")
                .get("/api/history/agents/" + agent + "/states").then().statusCode(400);
        given().get("/api/history/agents/" + agent + "/states").then().statusCode(401);
    }

    private io.restassured.response.ValidatableResponse log(String token, String from, String to) {
        var request = given().auth().oauth2(token).queryParam("from", from);
        if (to != null) {
            request = request.queryParam("to", to);
        }
        return request.get("/api/history/agents/" + agent + "/states").then().statusCode(200);
    }

    private EventEnvelope change(AgentStatus state, String reason, AgentStatus previous, String previousReason,
                                 StateChangeCause cause, String by, Instant at) {
        return Events.envelope(new AgentStateChanged(agent, "Agent " + agent, state, reason, previous,
                previousReason, cause, by, at), "routing-service");
    }
}
