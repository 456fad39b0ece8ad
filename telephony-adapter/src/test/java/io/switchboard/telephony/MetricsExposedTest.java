package io.switchboard.telephony;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.stack.test.MetricsManifest;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.telephony.support.CompanyPbx;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every metric the dashboards and alert rules use that this service exposes (deploy/observability/metrics.tsv) is on
 * its /q/metrics under exactly that name, and so are the adapter's own attempt counters.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "telephony"),
        @ResourceArg(name = SwitchboardInfrastructure.TOPICS_ARG, value = "dlq.telephony-adapter")})
@WithTestResource(CompanyPbx.class)
class MetricsExposedTest {

    /** Gauges read from the database appear at their first refresh (switchboard.metrics.refresh-interval). */
    private static final Duration FIRST_REFRESH = Duration.ofSeconds(30);

    @Test
    void theMetricsOfTheDashboardsAndAlertsAreExposed() {
        assertThat(MetricsManifest.expectedOf("telephony-adapter")).isNotEmpty();
        await().atMost(FIRST_REFRESH).untilAsserted(() -> {
            String scraped = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(MetricsManifest.missing("telephony-adapter", scraped)).isEmpty();
            assertThat(scraped).contains("switchboard_telephony_attempts_total{outcome=\"unreachable\"");
        });
    }
}
