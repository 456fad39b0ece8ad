package io.switchboard.workflow.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.stack.test.ProxiedDatabaseInfrastructure;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the dependencies by itself: DOWN while the database cannot be reached (cut through a proxy of
 * the test's own; the shared PostgreSQL stays up), UP again once it is back, with no restart. Liveness stays UP
 * throughout: the service waits the outage out. The broker's check (the Kafka connector's) is listed too.
 */
@QuarkusTest
@WithTestResource(value = ProxiedDatabaseInfrastructure.class, initArgs = {
        @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "workflow"),
        @ResourceArg(name = SwitchboardInfrastructure.TOPICS_ARG, value = "dlq.workflow-service")})
class ReadinessTest {

    private static final Duration NOTICED = Duration.ofSeconds(30);
    private static final String DATABASE_CHECK = "Reactive PostgreSQL connections health check";
    private static final String BROKER_CHECK = "SmallRye Reactive Messaging - readiness check";

    @Test
    void readinessIsDownWhileTheDatabaseIsAwayAndUpAgainOnceItIsBack() {
        await().atMost(NOTICED).until(() -> given().get("/q/health/ready").statusCode() == 200);
        JsonPath ready = given().get("/q/health/ready").then().extract().jsonPath();
        assertThat(ready.getList("checks.name", String.class)).contains(DATABASE_CHECK, BROKER_CHECK);

        ProxiedDatabaseInfrastructure.cutDatabase();
        try {
            await().atMost(NOTICED).until(() -> given().get("/q/health/ready").statusCode() == 503);
            JsonPath down = given().get("/q/health/ready").then().extract().jsonPath();
            assertThat(down.getString("checks.find { it.name == '" + DATABASE_CHECK + "' }.status"))
                    .isEqualTo("DOWN");
            assertThat(down.getString("checks.find { it.name == '" + BROKER_CHECK + "' }.status")).isEqualTo("UP");
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            ProxiedDatabaseInfrastructure.restoreDatabase();
        }

        await().atMost(NOTICED).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }
}
