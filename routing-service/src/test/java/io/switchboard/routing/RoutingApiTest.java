package io.switchboard.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.AgentStateChanged;
import io.switchboard.events.AgentStatus;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.EndReason;
import io.switchboard.events.QueueStats;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.events.StateChangeCause;
import io.switchboard.routing.support.SessionEvents;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The REST API: seeded data, bad input that changes nothing, roles, and the supervisor's figures. */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class,
        initArgs = @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "routing"))
class RoutingApiTest extends RoutingTestBase {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEMS = "https://switchboard.dev/problems/";

    @Test
    void theConfiguredQueuesAndRosterAreSeeded() {
        api.as(Tokens.agent("agent1")).get("/api/routing/queues").then().statusCode(200)
                .body("name", hasItems("sales", "support", "billing"))
                .body("find { it.name == 'billing' }.overflowQueue", equalTo("support"));
        api.as(Tokens.supervisor("supervisor1", "Sam Taylor")).get("/api/routing/agents").then().statusCode(200)
                .body("id", hasItems("agent1", "agent2", "agent3", "supervisor1"))
                .body("find { it.id == 'agent3' }.name", equalTo("Chloé Durand"))
                .body("find { it.id == 'agent1' }.skills.sales", equalTo(5))
                .body("find { it.id == 'agent1' }.capacity", equalTo(3))
                .body("find { it.id == 'supervisor1' }.role", equalTo("supervisor"));
    }

    @Test
    void badQueuesAreRefusedAndNothingIsCreated() {
        String queue = unique("bad");
        api.as(Tokens.supervisor("supervisor1", "Sam Taylor")).body(Map.of("name", queue, "requiredSkills", List.of("x"), "priority", 1,
                        "maxWaitSeconds", 60, "overflowQueue", unique("missing"), "offerTimeoutSeconds", 10))
                .post("/api/routing/queues").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "bad-request"));
        api.as(Tokens.supervisor("supervisor1", "Sam Taylor")).body(Map.of("name", queue, "requiredSkills", List.of("x"), "priority", 1,
                        "maxWaitSeconds", 0, "offerTimeoutSeconds", 10))
                .post("/api/routing/queues").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("violations.field", hasItem("maxWaitSeconds"));
        api.as(Tokens.supervisor("supervisor1", "Sam Taylor")).get("/api/routing/queues/" + queue).then().statusCode(404)
                .contentType(PROBLEM);
        api.as(Tokens.supervisor("supervisor1", "Sam Taylor")).body(Map.of("name", queue, "requiredSkills", List.of("x"), "priority", 1,
                        "maxWaitSeconds", 60, "offerTimeoutSeconds", 10))
                .put("/api/routing/queues/" + queue).then().statusCode(404);
    }

    @Test
    void aQueueWithWaitingChatsCannotBeDeleted() {
        String queue = unique("busy");
        queueWithSkill(queue, 600, null, 30);
        String chat = unique("chat");
        session.send(SessionEvents.request(chat, queue));
        routed.await(chat, RoutingOutcome.QUEUED);

        api.as(Tokens.supervisor("supervisor1", "Sam Taylor")).delete("/api/routing/queues/" + queue).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "queue-in-use"));
        session.send(SessionEvents.ended(chat, EndReason.ABANDONED));
        routed.await(chat, RoutingOutcome.ABANDONED);
        api.as(Tokens.supervisor("supervisor1", "Sam Taylor")).delete("/api/routing/queues/" + queue).then().statusCode(204);
    }

    @Test
    void badAgentsAndStateChangesAreRefusedAndChangeNothing() {
        String agent = unique("agent");
        api.as(Tokens.supervisor("supervisor1", "Sam Taylor")).body(Map.of("id", agent, "name", "Zero", "skills", Map.of("x", 1),
                "capacity", 0)).post("/api/routing/agents").then().statusCode(400)
                .body("violations.field", hasItem("capacity"));
        api.as(Tokens.supervisor("supervisor1", "Sam Taylor")).get("/api/routing/agents/" + agent).then().statusCode(404);
        api.as(Tokens.supervisor("supervisor1", "Sam Taylor")).body(Map.of("state", "READY"))
                .put("/api/routing/agents/" + unique("nobody") + "/state").then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));

        api.createAgent(agent, Map.of("x", 1), 3, "agent");
        api.as(Tokens.agent(agent)).body(Map.of("state", "SLEEPING")).put("/api/routing/agents/me/state")
                .then().statusCode(400).body("violations.field", hasItem("state"));
        api.as(Tokens.agent(agent)).body(Map.of("state", "AFTER_CHAT_WORK")).put("/api/routing/agents/me/state")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "invalid-state-change"));
        api.as(Tokens.agent(agent)).body(Map.of("state", "READY", "reason", "coffee"))
                .put("/api/routing/agents/me/state").then().statusCode(400);
        api.me(agent).body("state", equalTo("LOGGED_OUT"));

        api.as(Tokens.agent(agent)).body(Map.of("state", "NOT_READY", "reason", "training"))
                .put("/api/routing/agents/me/state").then().statusCode(200)
                .body("state", equalTo("NOT_READY")).body("reason", equalTo("training"));
    }

    @Test
    void everyStateChangeIsPublishedWithWhoMadeItAndARepeatIsNot() {
        String agent = readyAgent("logged", "skill-" + unique("none"), 1);
        api.as(Tokens.agent(agent)).body(Map.of("state", "READY")).put("/api/routing/agents/me/state")
                .then().statusCode(200);
        api.as(Tokens.supervisor("supervisor1", "Sam Taylor")).body(Map.of("state", "NOT_READY", "reason", "coaching"))
                .put("/api/routing/agents/" + agent + "/state").then().statusCode(200);
        api.as(Tokens.agent(agent)).body(Map.of("state", "NOT_READY", "reason", "break"))
                .put("/api/routing/agents/me/state").then().statusCode(200);

        routed.awaitAgentState(agent, e -> "break".equals(e.reason()));
        List<AgentStateChanged> log = routed.agentStates(agent);
        // READY chosen twice is one change; a new reason in the same state is one.
        assertThat(log).extracting(AgentStateChanged::state)
                .containsExactly(AgentStatus.READY, AgentStatus.NOT_READY, AgentStatus.NOT_READY);
        assertThat(log.get(0).previousState()).isEqualTo(AgentStatus.LOGGED_OUT);
        assertThat(log.get(0).cause()).isEqualTo(StateChangeCause.AGENT);
        assertThat(log.get(0).changedBy()).isEqualTo(agent);
        assertThat(log.get(0).agentName()).isEqualTo("Agent " + agent);
        assertThat(log.get(1).cause()).isEqualTo(StateChangeCause.SUPERVISOR);
        assertThat(log.get(1).changedBy()).isEqualTo("supervisor1");
        assertThat(log.get(1).reason()).isEqualTo("coaching");
        assertThat(log.get(2).previousReason()).isEqualTo("coaching");
        assertThat(log.get(2).cause()).isEqualTo(StateChangeCause.AGENT);
    }

    @Test
    void anAgentWithChatsCannotLogOut() {
        String queue = unique("q");
        String skill = queueWithSkill(queue, 600, null, 60);
        String agent = readyAgent("agent", skill, 3);
        String chat = unique("chat");
        session.send(SessionEvents.request(chat, queue));
        api.accept(agent, routed.await(chat, RoutingOutcome.OFFERED).offerId()).statusCode(200);

        api.as(Tokens.agent(agent)).body(Map.of("state", "LOGGED_OUT")).put("/api/routing/agents/me/state")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "invalid-state-change"));
        api.me(agent).body("state", equalTo("READY")).body("load", equalTo(1));
    }

    @Test
    void onlyTheOfferedAgentCanAnswerAnOffer() {
        String queue = unique("q");
        String skill = queueWithSkill(queue, 600, null, 60);
        String offeredAgent = readyAgent("offered", skill, 3);
        String chat = unique("chat");
        session.send(SessionEvents.request(chat, queue));
        ChatRouted offer = routed.await(chat, RoutingOutcome.OFFERED);

        api.accept("agent2", offer.offerId()).statusCode(403).contentType(PROBLEM);
        api.reject("agent2", offer.offerId()).statusCode(403);
        api.accept("agent2", "7b0c9a0e-0000-4000-8000-000000000000").statusCode(404);
        api.accept(offeredAgent, offer.offerId()).statusCode(200);
        assertThat(routed.await(chat, RoutingOutcome.ACCEPTED).agentId()).isEqualTo(offeredAgent);
    }

    @Test
    void anAgentSeesTheirOpenOffersAgainUntilAnswered() {
        String queue = unique("q");
        String skill = queueWithSkill(queue, 600, null, 60);
        String agent = readyAgent("reconnecting", skill, 3);
        String other = readyAgent("other", "other-" + id, 3);
        String first = unique("first");
        String second = unique("second");
        session.send(SessionEvents.request(first, queue));
        ChatRouted firstOffer = routed.await(first, RoutingOutcome.OFFERED);
        session.send(SessionEvents.request(second, queue));
        ChatRouted secondOffer = routed.await(second, RoutingOutcome.OFFERED);

        api.as(Tokens.agent(agent)).get("/api/routing/agents/me/offers").then().statusCode(200)
                .body("offerId", equalTo(List.of(firstOffer.offerId(), secondOffer.offerId())))
                .body("chatId", equalTo(List.of(first, second)))
                .body("[0].queue", equalTo(queue))
                .body("[0].offerKind", equalTo("CHAT"))
                .body("[0].expiresAt", notNullValue())
                .body("[0].offeredAt", notNullValue())
                .body("[0].waitingSince", notNullValue());
        api.as(Tokens.agent(other)).get("/api/routing/agents/me/offers").then().statusCode(200)
                .body("size()", equalTo(0));

        api.accept(agent, firstOffer.offerId()).statusCode(200);
        api.reject(agent, secondOffer.offerId()).statusCode(204);
        api.as(Tokens.agent(agent)).get("/api/routing/agents/me/offers").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void onlyAgentsOnTheRosterHaveOffers() {
        api.as(Tokens.signed(Tokens.AUDIENCE, "contact-" + unique("chat"), "Contact", "contact")).get("/api/routing/agents/me/offers").then().statusCode(403)
                .contentType(PROBLEM);
        given().get("/api/routing/agents/me/offers").then().statusCode(401).contentType(PROBLEM);
        api.as(Tokens.agent(unique("stranger"))).get("/api/routing/agents/me/offers").then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void agentsCannotUseSupervisorEndpointsAndStrangersNothing() {
        String agent = Tokens.agent("agent1");
        api.as(agent).get("/api/routing/stats").then().statusCode(403).contentType(PROBLEM);
        api.as(agent).get("/api/routing/agents").then().statusCode(403);
        api.as(agent).body(Map.of("state", "READY")).put("/api/routing/agents/agent2/state").then().statusCode(403);
        api.as(agent).body(Map.of("name", unique("q"), "requiredSkills", List.of(), "priority", 1,
                "maxWaitSeconds", 60, "offerTimeoutSeconds", 10)).post("/api/routing/queues").then().statusCode(403);
        api.as(agent).delete("/api/routing/queues/sales").then().statusCode(403);
        given().get("/api/routing/queues").then().statusCode(401);
        given().get("/api/routing/agents/me").then().statusCode(401);
    }

    @Test
    void supervisorsSeeQueueFiguresOverRestAndOnTheStatsTopic() {
        String queue = unique("figures");
        String skill = queueWithSkill(queue, 600, null, 60);
        String answered = unique("answered");
        String waiting = unique("waiting");
        String agent = readyAgent("agent", skill, 1);
        session.send(SessionEvents.request(answered, queue));
        api.accept(agent, routed.await(answered, RoutingOutcome.OFFERED).offerId()).statusCode(200);
        session.send(SessionEvents.request(waiting, queue));
        routed.await(waiting, RoutingOutcome.QUEUED);

        api.as(Tokens.supervisor("supervisor1", "Sam Taylor")).get("/api/routing/stats").then().statusCode(200)
                .body("find { it.queue == '" + queue + "' }.waiting", equalTo(1))
                .body("find { it.queue == '" + queue + "' }.longestWaitSeconds", notNullValue())
                .body("find { it.queue == '" + queue + "' }.agentsBusy", equalTo(1))
                .body("find { it.queue == '" + queue + "' }.agentsReady", equalTo(0))
                .body("find { it.queue == '" + queue + "' }.offered", equalTo(1))
                .body("find { it.queue == '" + queue + "' }.accepted", equalTo(1))
                .body("find { it.queue == '" + queue + "' }.serviceLevel", equalTo(1.0f));

        QueueStats published = routed.awaitStats(queue, s -> s.accepted() == 1 && s.waiting() == 1);
        assertThat(published.agentsBusy()).isEqualTo(1);
        assertThat(published.serviceLevel()).isEqualTo(1.0);
        assertThat(published.windowSeconds()).isPositive();

        session.send(SessionEvents.ended(waiting, EndReason.ABANDONED));
        routed.await(waiting, RoutingOutcome.ABANDONED);
        api.as(Tokens.supervisor("supervisor1", "Sam Taylor")).get("/api/routing/stats").then().statusCode(200)
                .body("find { it.queue == '" + queue + "' }.abandoned", equalTo(1))
                .body("find { it.queue == '" + queue + "' }.waiting", equalTo(0))
                .body("find { it.queue == '" + queue + "' }.serviceLevel", equalTo(0.5f));
    }
}
