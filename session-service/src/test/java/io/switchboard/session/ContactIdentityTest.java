package io.switchboard.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.session.support.Broker;
import io.switchboard.session.support.PublishedEvents;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A typed e-mail address proves nothing: only a contact the company's site vouched for (a signed identity token)
 * keeps one contact id across chats, which is what lets agents see its earlier interactions in history.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class ContactIdentityTest {

    static final String SITE = "https://shop.example/identity";
    static final String SITE_KEY = "site-identity/private.pem";

    KafkaCompanion companion = Broker.companion();

    @Test
    void anAnonymousVisitorIsNotLinkedToOtherChatsOfTheSameAddress() {
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var first = request("fox.mulder@example.com", null).then().statusCode(201).extract().jsonPath();
            var second = request("fox.mulder@example.com", null).then().statusCode(201).extract().jsonPath();

            assertThat(first.getString("contactId")).isNotEqualTo(second.getString("contactId"));
            JsonNode requested = events.awaitData(first.getString("chatId"), "chat.requested");
            assertThat(requested.path("contactVerified").asBoolean()).isFalse();
            assertThat(requested.path("contactId").asText()).isEqualTo(first.getString("contactId"));
        }
    }

    @Test
    void aContactVouchedForByTheSiteKeepsOneIdAndItsVerifiedAddress() {
        String customer = "customer-" + System.nanoTime();
        try (PublishedEvents events = new PublishedEvents(companion)) {
            var first = request("typed@example.com", identity(customer, "real@example.com", "switchboard"))
                    .then().statusCode(201).extract().jsonPath();
            var second = request("other@example.com", identity(customer, "real@example.com", "switchboard"))
                    .then().statusCode(201).extract().jsonPath();

            assertThat(first.getString("contactId")).isEqualTo(second.getString("contactId"));
            JsonNode requested = events.awaitData(second.getString("chatId"), "chat.requested");
            assertThat(requested.path("contactVerified").asBoolean()).isTrue();
            assertThat(requested.path("email").asText()).isEqualTo("real@example.com");
        }
    }

    @Test
    void aForgedOrMisaddressedIdentityTokenIsRefusedAndNothingIsStored() {
        // Signed with the development key instead of the site's key.
        String forged = Jwt.issuer(SITE).subject("victim").audience("switchboard").expiresIn(300).sign();
        request("a@example.com", forged).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("identityToken"));

        String otherAudience = identity("victim", "victim@example.com", "another-application");
        request("a@example.com", otherAudience).then().statusCode(400)
                .body("detail", containsString("identityToken"))
                .body("status", equalTo(400));
    }

    private static String identity(String subject, String email, String audience) {
        return Jwt.issuer(SITE).subject(subject).audience(audience).claim("email", email).expiresIn(300)
                .sign(SITE_KEY);
    }

    private static io.restassured.response.Response request(String email, String identityToken) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Visitor", "email", email, "queue", "general",
                "language", "en"));
        if (identityToken != null) {
            body.put("identityToken", identityToken);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/chats");
    }
}
