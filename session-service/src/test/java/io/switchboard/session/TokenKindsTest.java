package io.switchboard.session;

import static io.restassured.RestAssured.given;
import static io.switchboard.session.support.Chats.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.ContactTokens;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/**
 * Two kinds of token and no way to pass one for the other: the identity provider's (agents, supervisors) must name
 * this deployment as audience; contact tokens carry this service's own issuer, audience and key, and no other role.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class TokenKindsTest {

    @Test
    void aTokenIssuedForAnotherApplicationIsRefused() {
        as(io.switchboard.stack.test.Tokens.signed("another-application", "agent1", "Alice Martin", "agent"))
                .get("/api/chats").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.dev/problems/unauthorized"));
        as(Tokens.agent("agent1", "Alice Martin")).get("/api/chats").then().statusCode(200);
    }

    @Test
    void aContactTokenIsThisServicesOwnAndOpensItsChatOnly() throws Exception {
        var chat = Chats.request("Walter Skinner", "walter@example.com", List.of());

        // Checked with the contact key and issuer, never the identity provider's.
        JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipDefaultAudienceValidation()
                .build().processToClaims(chat.contactToken());
        assertThat(claims.getIssuer()).isEqualTo(ContactTokens.CONTACT_ISSUER);
        assertThat(claims.getAudience()).containsExactly("switchboard-contact");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("contact");

        as(chat.contactToken()).get("/api/chats/{id}", chat.chatId()).then().statusCode(200);
        // Not an agent anywhere, whatever it claims.
        as(chat.contactToken()).get("/api/chats").then().statusCode(403);
        as(ContactTokens.contactPosingAsAgent("agent1")).get("/api/chats").then().statusCode(401);
        // And the identity provider's key cannot make contact tokens.
        as(ContactTokens.forgedContact(chat.chatId())).get("/api/chats/{id}", chat.chatId()).then().statusCode(401);
    }

    @Test
    void aContactRenewsItsTokenForItsOwnChatOnly() throws Exception {
        var chat = Chats.request("Dana Scully", "dana@example.com", List.of());
        var other = Chats.request("Fox Mulder", "fox@example.com", List.of());

        String renewed = as(chat.contactToken()).post("/api/chats/{id}/contact-token", chat.chatId())
                .then().statusCode(200).extract().path("contactToken");
        JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipDefaultAudienceValidation()
                .build().processToClaims(renewed);
        assertThat(claims.getSubject()).isEqualTo("contact:" + chat.chatId());
        assertThat(claims.getStringClaimValue("chat")).isEqualTo(chat.chatId());
        assertThat(claims.getStringClaimValue("name")).isEqualTo("Dana Scully");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("contact");
        // The fresh token opens the chat as the first one did.
        as(renewed).get("/api/chats/{id}", chat.chatId()).then().statusCode(200);

        // Not for another chat, not without a token, not with a forged or an agent's one.
        as(chat.contactToken()).post("/api/chats/{id}/contact-token", other.chatId())
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.dev/problems/forbidden"));
        given().post("/api/chats/{id}/contact-token", chat.chatId()).then().statusCode(401);
        as(ContactTokens.forgedContact(chat.chatId())).post("/api/chats/{id}/contact-token", chat.chatId())
                .then().statusCode(401);
        as(Tokens.agent("agent1", "Alice Martin")).post("/api/chats/{id}/contact-token", chat.chatId())
                .then().statusCode(403);
    }
}
