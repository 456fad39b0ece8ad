package io.switchboard.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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

/**
 * Search by words, agent, queue, disposition and date range; paging and its cap; what an agent may see. Three
 * interactions in May 2032: contact A served by agent S1, contact B served by S2, then contact A again served by S2.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "history"),
        @ResourceArg(name = "topics", value = "dlq.history-service")})
class SearchAndAccessTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String agentS1 = "s1-" + run;
    private final String agentS2 = "s2-" + run;
    private final String queue = "sales-" + run;
    private final ChatScenario first = new ChatScenario().with(c -> {
        c.contactId = "contact-a-" + run;
        c.agent = agentS1;
        c.queue = queue;
        c.firstWords = "Please send the invoice with my discount";
        c.disposition = "SALE-" + run;
        c.start = Instant.parse("2032-05-01T10:00:00Z");
        c.data = new java.util.LinkedHashMap<>(java.util.Map.of("orderNumber", "A-" + run, "tier", "gold"));
    });
    private final ChatScenario second = new ChatScenario().with(c -> {
        c.contactId = "contact-b-" + run;
        c.agent = agentS2;
        c.firstWords = "My screen is broken";
        c.disposition = "NO-SALE-" + run;
        c.start = Instant.parse("2032-05-02T10:00:00Z");
    });
    private final ChatScenario third = new ChatScenario().with(c -> {
        c.contactId = "contact-a-" + run;
        c.agent = agentS2;
        c.firstWords = "What does the warranty cover?";
        c.disposition = "SALE-" + run;
        c.start = Instant.parse("2032-05-03T10:00:00Z");
        c.data = new java.util.LinkedHashMap<>(java.util.Map.of("vip-" + run, true));
    });

    /**
     * The same contact id without verification (an address typed in a web form, as older records have): served by
     * S3, then by S4 in June.
     */
    private final String agentS3 = "s3-" + run;
    private final String agentS4 = "s4-" + run;
    private final ChatScenario typedFirst = new ChatScenario().with(c -> {
        c.contactId = "contact-typed-" + run;
        c.contactVerified = false;
        c.agent = agentS3;
        c.firstWords = "Where is my order?";
        c.start = Instant.parse("2032-06-01T10:00:00Z");
    });
    private final ChatScenario typedSecond = new ChatScenario().with(c -> {
        c.contactId = "contact-typed-" + run;
        c.contactVerified = false;
        c.agent = agentS4;
        c.firstWords = "Please change my delivery address";
        c.start = Instant.parse("2032-06-02T10:00:00Z");
    });

    private boolean published;

    /** Once for the class, but after Quarkus has pointed REST Assured at the application (not so in @BeforeAll). */
    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        published = true;
        for (ChatScenario chat : List.of(first, second, third, typedFirst, typedSecond)) {
            EventLog.publish(chat.envelopes());
        }
        for (ChatScenario chat : List.of(first, second, third, typedFirst, typedSecond)) {
            InteractionHistoryTest.awaitDone(chat.chatId);
        }
    }

    @Test
    void searchByWordsInMessages() {
        assertThat(search(supervisor().queryParam("q", "invoice discount").queryParam("from", "2032-05-01")
                .queryParam("to", "2032-05-31"))).containsExactly(first.chatId);
        assertThat(search(supervisor().queryParam("q", "BROKEN").queryParam("from", "2032-05-01")
                .queryParam("to", "2032-05-31"))).containsExactly(second.chatId);
        assertThat(search(supervisor().queryParam("q", "\"warranty cover\"").queryParam("agentId", agentS2)))
                .containsExactly(third.chatId);
    }

    @Test
    void searchByAttachedDataKeyAndValue() {
        // The order number as the agent changed it is found; the one given with the request is no longer current.
        assertThat(search(supervisor().queryParam("dataKey", "orderNumber")
                .queryParam("dataValue", ChatScenario.NEW_ORDER_NUMBER).queryParam("from", "2032-05-01")
                .queryParam("to", "2032-05-31"))).containsExactly(third.chatId, second.chatId, first.chatId);
        assertThat(search(supervisor().queryParam("dataKey", "orderNumber").queryParam("dataValue", "A-" + run)))
                .isEmpty();
        assertThat(search(supervisor().queryParam("dataKey", "tier").queryParam("dataValue", "gold")
                .queryParam("from", "2032-05-01").queryParam("to", "2032-05-31"))).containsExactly(first.chatId);
        assertThat(search(supervisor().queryParam("dataKey", "vip-" + run))).containsExactly(third.chatId);
        assertThat(search(supervisor().queryParam("dataKey", "vip-" + run).queryParam("dataValue", "true")))
                .containsExactly(third.chatId);
        assertThat(search(supervisor().queryParam("dataKey", "vip-" + run).queryParam("dataValue", "false")))
                .isEmpty();
        // Agents find only what they may see.
        assertThat(search(agent(agentS3).queryParam("dataKey", "vip-" + run))).isEmpty();
        supervisor().queryParam("dataValue", "gold").get("/api/history/interactions").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("dataKey"));
    }

    @Test
    void searchByAgentNewestFirst() {
        assertThat(search(supervisor().queryParam("agentId", agentS2))).containsExactly(third.chatId, second.chatId);
        assertThat(search(supervisor().queryParam("agentId", agentS2).queryParam("sort", "requestedAt:asc")))
                .containsExactly(second.chatId, third.chatId);
    }

    @Test
    void searchByQueueDispositionAndDateRange() {
        assertThat(search(supervisor().queryParam("queue", queue))).containsExactly(first.chatId);
        assertThat(search(supervisor().queryParam("disposition", "SALE-" + run)))
                .containsExactly(third.chatId, first.chatId);
        assertThat(search(supervisor().queryParam("disposition", "SALE-" + run)
                .queryParam("from", "2032-05-01").queryParam("to", "2032-05-02")))
                .containsExactly(first.chatId);
        assertThat(search(supervisor().queryParam("disposition", "SALE-" + run)
                .queryParam("from", "2032-05-03T00:00:00Z").queryParam("to", "2032-05-04T00:00:00Z")))
                .containsExactly(third.chatId);
    }

    @Test
    void aContactsInteractionsArePagedNewestFirst() {
        String path = "/api/history/contacts/contact-a-" + run + "/interactions";
        supervisor().queryParam("size", 1).get(path).then().statusCode(200).body("total", equalTo(2))
                .body("size", equalTo(1)).body("items[0].chatId", equalTo(third.chatId))
                .body("items[0].agents[0]", equalTo(agentS2))
                .body("items[0].timings.waitSeconds", equalTo((int) ChatScenario.WAIT_SECONDS));
        supervisor().queryParam("size", 1).queryParam("page", 1).get(path).then().statusCode(200)
                .body("items[0].chatId", equalTo(first.chatId));
    }

    @Test
    void pageSizeIsCappedAndSortIsAllowListed() {
        supervisor().queryParam("size", 101).get("/api/history/interactions").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("https://switchboard.dev/problems/bad-request"));
        supervisor().queryParam("size", 100).get("/api/history/interactions").then().statusCode(200);
        supervisor().queryParam("page", -1).get("/api/history/interactions").then().statusCode(400);
        supervisor().queryParam("sort", "contact_id; drop table interaction").get("/api/history/interactions")
                .then().statusCode(400).contentType("application/problem+json");
        supervisor().queryParam("from", "yesterday").get("/api/history/interactions").then().statusCode(400);
    }

    @Test
    void anAgentSeesTheInteractionsOfVerifiedContactsTheyServed() {
        // S1 served the verified contact A once, so sees both of A's interactions, including the one S2 handled.
        agent(agentS1).get("/api/history/interactions/" + third.chatId).then().statusCode(200);
        agent(agentS1).get("/api/history/contacts/contact-a-" + run + "/interactions").then().statusCode(200)
                .body("total", equalTo(2));
        // ... but never contact B's.
        agent(agentS1).get("/api/history/interactions/" + second.chatId).then().statusCode(403)
                .contentType("application/problem+json");
        agent(agentS1).get("/api/history/contacts/contact-b-" + run + "/interactions").then().statusCode(403);
        assertThat(search(agent(agentS1).queryParam("disposition", "NO-SALE-" + run))).isEmpty();
        assertThat(search(agent(agentS1).queryParam("q", "warranty"))).containsExactly(third.chatId);
        // An agent who served nobody here sees nothing of it.
        String stranger = "stranger-" + run;
        agent(stranger).get("/api/history/interactions/" + first.chatId).then().statusCode(403);
        assertThat(search(agent(stranger).queryParam("agentId", agentS2))).isEmpty();
        // S2 served both contacts.
        assertThat(search(agent(agentS2).queryParam("from", "2032-05-01").queryParam("to", "2032-05-31")))
                .containsExactlyInAnyOrder(first.chatId, second.chatId, third.chatId);
    }

    @Test
    void aContactNobodyVerifiedIsNoKeyToOtherPeoplesHistory() {
        // S3 took part in the first chat under this contact id; the second, under the same unverified id, is not theirs.
        agent(agentS3).get("/api/history/interactions/" + typedFirst.chatId).then().statusCode(200);
        agent(agentS3).get("/api/history/interactions/" + typedSecond.chatId).then().statusCode(403)
                .contentType("application/problem+json");
        agent(agentS3).get("/api/history/contacts/contact-typed-" + run + "/interactions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].chatId", equalTo(typedFirst.chatId));
        assertThat(search(agent(agentS3).queryParam("q", "delivery address"))).isEmpty();
        // Supervisors see both.
        supervisor().get("/api/history/contacts/contact-typed-" + run + "/interactions").then().statusCode(200)
                .body("total", equalTo(2));
    }

    private static List<String> search(RequestSpecification request) {
        return Json.chatIds(request.get("/api/history/interactions").then().statusCode(200).extract().asString());
    }

    private static RequestSpecification supervisor() {
        return given().auth().oauth2(Tokens.supervisor("supervisor1"));
    }

    private static RequestSpecification agent(String id) {
        return given().auth().oauth2(Tokens.agent(id));
    }
}
