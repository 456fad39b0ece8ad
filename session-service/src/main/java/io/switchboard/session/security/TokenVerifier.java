package io.switchboard.session.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.switchboard.events.Events;
import io.switchboard.kit.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks the two kinds of bearer token this service accepts: the identity provider's (agents, supervisors) with the
 * configured verification key, issuer and audience, and its own contact tokens with the contact key. The kind is
 * chosen by the token's issuer; each kind is then verified only with its own key, and neither may pose as the
 * other (an identity-provider token with the contact group, or a contact token with any other group, is refused).
 */
@ApplicationScoped
public class TokenVerifier {

    private final JWTParser parser;
    private final JWTAuthContextInfo contacts;
    private final String contactIssuer;

    public TokenVerifier(JWTParser parser, ContactTokenConfig config) {
        this.parser = parser;
        this.contactIssuer = config.issuer();
        this.contacts = new JWTAuthContextInfo(config.publicKeyLocation(), config.issuer());
        this.contacts.setExpectedAudience(Set.of(config.audience()));
    }

    public boolean isContactToken(String token) {
        return contactIssuer.equals(unverifiedIssuer(token));
    }

    public JsonWebToken verify(String token) throws ParseException {
        if (isContactToken(token)) {
            JsonWebToken jwt = parser.parse(token, contacts);
            if (!Set.of(Roles.CONTACT).equals(jwt.getGroups()) || jwt.claim(Roles.CHAT_CLAIM).isEmpty()) {
                throw new ParseException("a contact token carries the contact group and its chat only");
            }
            return jwt;
        }
        JsonWebToken jwt = parser.parse(token);
        if (jwt.getGroups().contains(Roles.CONTACT)) {
            throw new ParseException("contact tokens come from session-service only");
        }
        return jwt;
    }

    /** Only to choose the key: nothing in the token is trusted before its signature is checked. */
    private static String unverifiedIssuer(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims = Events.json().readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims.path("iss").asText(null);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
