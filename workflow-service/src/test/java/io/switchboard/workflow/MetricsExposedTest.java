package io.switchboard.workflow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.stack.test.MetricsManifest;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every metric the dashboards and alert rules use that this service exposes (deploy/observability/metrics.tsv) is on
 * its /q/metrics under exactly that name: a rename breaks this test, not a panel in production.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "workflow"),
        @ResourceArg(name = SwitchboardInfrastructure.TOPICS_ARG, value = "dlq.workflow-service")})
class MetricsExposedTest {

    /** Gauges read from the database appear at their first refresh (switchboard.metrics.refresh-interval). */
    private static final Duration FIRST_REFRESH = Duration.ofSeconds(30);

    @Test
    void theMetricsOfTheDashboardsAndAlertsAreExposed() {
        assertThat(MetricsManifest.expectedOf("workflow-service")).isNotEmpty();
        await().atMost(FIRST_REFRESH).untilAsserted(() ->
                assertThat(MetricsManifest.missing("workflow-service", given().get("/q/metrics").then().statusCode(200)
                        .extract().asString())).isEmpty());
    }
}
