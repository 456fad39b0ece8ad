package io.switchboard.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.QueueHours;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.routing.support.SessionEvents;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Business hours: supervisors set them, the widget asks whether a queue is open, queue.hours tells session-service,
 * and a chat that reaches routing while its queue is closed ends UNANSWERED instead of waiting.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class,
        initArgs = @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "routing"))
class BusinessHoursTest extends RoutingTestBase {

    private static final String PROBLEMS = "https://switchboard.dev/problems/";
    private final String supervisor = Tokens.supervisor("supervisor1", "Sam Taylor");

    @Test
    void aQueueClosedNowSaysWhenItOpensAndEndsAChatThatReachesItUnanswered() {
        String queue = unique("closed");
        queueWithSkill(queue, 600, null, 30);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate opening = today.plusDays(2);
        api.as(supervisor).body(Map.of("timeZone", "UTC", "holidays", List.of(today.plusDays(1).toString()),
                        "weekly", List.of(day(opening, "00:00", "24:00"), day(today.plusDays(1), "00:00", "24:00"))))
                .put("/api/routing/queues/" + queue + "/hours").then().statusCode(200)
                .body("timeZone", equalTo("UTC"));

        given().get("/api/routing/queues/" + queue + "/availability").then().statusCode(200)
                .body("open", equalTo(false))
                .body("opensAt", equalTo(opening.atStartOfDay(ZoneOffset.UTC).toInstant().toString()))
                .body("closesAt", nullValue())
                .body("timeZone", equalTo("UTC"));
        QueueHours published = routed.awaitHours(queue, h -> "UTC".equals(h.timeZone()));
        assertThat(published.holidays()).containsExactly(today.plusDays(1).toString());

        String chat = unique("chat");
        session.send(SessionEvents.request(chat, queue));
        ChatRouted unanswered = routed.await(chat, RoutingOutcome.UNANSWERED);
        assertThat(unanswered.reason()).contains("closed").contains(opening.toString());
        assertThat(routed.of(chat, RoutingOutcome.QUEUED)).isEmpty();

        api.as(supervisor).delete("/api/routing/queues/" + queue + "/hours").then().statusCode(204);
        assertThat(routed.awaitHours(queue, h -> h.version() > published.version()).alwaysOpen()).isTrue();
        given().get("/api/routing/queues/" + queue + "/availability").then().statusCode(200)
                .body("open", equalTo(true)).body("timeZone", nullValue());
        String later = unique("later");
        session.send(SessionEvents.request(later, queue));
        routed.await(later, RoutingOutcome.QUEUED);
        session.send(SessionEvents.ended(later, io.switchboard.events.EndReason.ABANDONED));
    }

    @Test
    void anOpenQueueSaysUntilWhenAdjoiningDaysCountingAsOne() {
        String queue = unique("open");
        queueWithSkill(queue, 600, null, 30);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        api.as(supervisor).body(Map.of("timeZone", "UTC", "holidays", List.of(), "weekly", List.of(
                        day(today, "00:00", "24:00"), day(today.plusDays(1), "00:00", "12:00"))))
                .put("/api/routing/queues/" + queue + "/hours").then().statusCode(200);
        given().get("/api/routing/queues/" + queue + "/availability").then().statusCode(200)
                .body("open", equalTo(true))
                .body("closesAt", equalTo(today.plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC).toString()));
        api.as(supervisor).get("/api/routing/queues/" + queue + "/hours").then().statusCode(200)
                .body("weekly.start", contains("00:00", "00:00"));
    }

    @Test
    void badHoursAreRefusedNamingTheFieldAndChangeNothing() {
        String queue = unique("bad-hours");
        queueWithSkill(queue, 600, null, 30);
        String path = "/api/routing/queues/" + queue + "/hours";
        refused(path, Map.of("timeZone", "Mars/Olympus", "weekly", List.of(), "holidays", List.of()), "timeZone");
        refused(path, Map.of("timeZone", "Europe/Paris", "holidays", List.of(), "weekly",
                List.of(Map.of("day", "MONDAY", "start", "18:00", "end", "09:00"))), "weekly[0].end");
        refused(path, Map.of("timeZone", "Europe/Paris", "holidays", List.of(), "weekly", List.of(
                Map.of("day", "MONDAY", "start", "09:00", "end", "13:00"),
                Map.of("day", "MONDAY", "start", "12:00", "end", "18:00"))), "weekly[1]");
        refused(path, Map.of("timeZone", "Europe/Paris", "weekly", List.of(), "holidays", List.of("25/12/2026")),
                "holidays[0]");
        api.as(supervisor).get(path).then().statusCode(200).body("timeZone", nullValue());
        given().get("/api/routing/queues/" + queue + "/availability").then().statusCode(200).body("open", equalTo(true));
    }

    @Test
    void agentsReadHoursOnlySupervisorsChangeThemAndUnknownQueuesAreNotFound() {
        String agent = Tokens.agent("agent1");
        Map<String, Object> hours = Map.of("timeZone", "UTC", "weekly", List.of(), "holidays", List.of());
        api.as(agent).body(hours).put("/api/routing/queues/sales/hours").then().statusCode(403);
        api.as(agent).delete("/api/routing/queues/sales/hours").then().statusCode(403);
        api.as(agent).get("/api/routing/queues/sales/hours").then().statusCode(200).body("timeZone", nullValue());
        given().get("/api/routing/queues/sales/hours").then().statusCode(401);
        api.as(Tokens.signed(Tokens.AUDIENCE, "integration1", "CRM", "integration")).get(
                "/api/routing/queues/sales/hours").then().statusCode(403);
        api.as(supervisor).body(hours).put("/api/routing/queues/" + unique("missing") + "/hours").then()
                .statusCode(404);
        given().get("/api/routing/queues/" + unique("missing") + "/availability").then().statusCode(404)
                .contentType("application/problem+json");
        // The queue's own resource still answers beside its hours.
        api.as(agent).get("/api/routing/queues/sales").then().statusCode(200).body("name", equalTo("sales"));
    }

    @Test
    void aVisitorAskingTooOftenIsRefused429WithRetryAfterAndAnotherVisitorIsStillAnswered() {
        // The widget asks once per page; a client asking more than the burst from one address is refused. The test
        // client is on the loopback address, a trusted proxy: its X-Forwarded-For is the visitor's address.
        int burst = ConfigProvider.getConfig().getValue("switchboard.limits.rules.availability.capacity",
                Integer.class);
        String flooder = "198.51.100." + (10 + (int) (System.nanoTime() % 200));
        for (int i = 0; i < burst; i++) {
            availability(flooder).then().statusCode(200);
        }
        availability(flooder).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo(PROBLEMS + "rate-limited"));
        availability("203.0.113.7").then().statusCode(200).body("open", equalTo(true));
    }

    private static io.restassured.response.Response availability(String clientAddress) {
        return given().header("X-Forwarded-For", clientAddress).get("/api/routing/queues/sales/availability");
    }

    private void refused(String path, Map<String, Object> body, String field) {
        api.as(supervisor).body(body).put(path).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("violations.field", contains(field));
    }

    private static Map<String, String> day(LocalDate date, String start, String end) {
        return Map.of("day", date.getDayOfWeek().name(), "start", start, "end", end);
    }
}
