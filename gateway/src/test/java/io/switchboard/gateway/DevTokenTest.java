package io.switchboard.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PublicKey;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DevTokenTest {

    static final String ISSUER = "https://switchboard.dev/local-idp";

    @Test
    void aRosterUserGetsATokenTheServicesWouldAccept() throws Exception {
        String token = given().contentType("application/json").body("{\"username\":\"supervisor1\"}")
                .when().post("/auth/dev-token")
                .then().statusCode(200).extract().path("token");

        // Verified with service-kit's public key, as the services verify it.
        PublicKey key = KeyUtils.readPublicKey("dev-keys/public.pem");
        JwtClaims claims = new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer(ISSUER)
                .setExpectedAudience("switchboard").setRequireExpirationTime().build().processToClaims(token);
        assertThat(claims.getSubject()).isEqualTo("supervisor1");
        assertThat(claims.getStringClaimValue("name")).isEqualTo("Sam Taylor");
        assertThat(claims.getStringListClaimValue("groups")).containsExactlyInAnyOrder("agent", "supervisor");
    }

    @Test
    void anUnknownUserIsABadRequestProblem() {
        given().contentType("application/json").body("{\"username\":\"mallory\"}")
                .when().post("/auth/dev-token")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.dev/problems/bad-request"));
        given().contentType("application/json").body("{}")
                .when().post("/auth/dev-token")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theRosterListsTheDemoUsers() {
        given().when().get("/auth/dev-roster")
                .then().statusCode(200)
                .body("username", equalTo(List.of("agent1", "agent2", "agent3", "supervisor1")))
                .body("find { it.username == 'agent3' }.name", equalTo("Chloé Durand"))
                .body("find { it.username == 'supervisor1' }.groups", hasItems("agent", "supervisor"));
    }
}
