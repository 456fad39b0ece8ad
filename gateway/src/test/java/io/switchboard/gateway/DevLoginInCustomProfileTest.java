package io.switchboard.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A profile that is neither dev, test, local nor prod (a staging deployment, say): the development login is off there
 * too, and the gateway starts without any signing key.
 */
@QuarkusTest
@TestProfile(DevLoginInCustomProfileTest.Staging.class)
class DevLoginInCustomProfileTest {

    public static class Staging implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "staging";
        }
    }

    @Test
    void devTokensAreANotFoundProblem() {
        given().contentType("application/json").body("{\"username\":\"agent1\"}")
                .when().post("/auth/dev-token")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.dev/problems/not-found"));
        given().when().get("/auth/dev-roster")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
