package io.switchboard.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The gateway under its production configuration: the development login does not exist there. */
@QuarkusTest
@TestProfile(DevLoginInProductionTest.Production.class)
class DevLoginInProductionTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }
    }

    @Test
    void devTokensAreNotFound() {
        given().contentType("application/json").body("{\"username\":\"agent1\"}")
                .when().post("/auth/dev-token")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.dev/problems/not-found"));
        given().when().get("/auth/dev-roster").then().statusCode(404);
    }
}
