package io.switchboard.session.security;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.switchboard.kit.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns the identity token of a chat request into a contact id. A verified contact keeps one id across chats, so
 * agents can see its earlier interactions; an anonymous visitor gets an id of its own chat, because the address it
 * types proves nothing (anyone could type someone else's and read their history through an agent).
 */
@ApplicationScoped
public class ContactIdentities {

    /** Who the contact is, as far as the session can tell. */
    public record Identity(String contactId, boolean verified, Optional<String> email) {
    }

    private final JWTParser parser;
    private final Optional<JWTAuthContextInfo> site;

    public ContactIdentities(JWTParser parser, ContactIdentityConfig config) {
        this.parser = parser;
        this.site = config.publicKeyLocation().map(location -> {
            JWTAuthContextInfo info = new JWTAuthContextInfo(location, config.issuer().orElse(null));
            info.setExpectedAudience(Set.of(config.audience()));
            return info;
        });
    }

    /** @param identityToken the site's signed token, or null for an anonymous visitor */
    public Identity of(String identityToken) {
        if (identityToken == null || identityToken.isBlank()) {
            return new Identity(UUID.randomUUID().toString(), false, Optional.empty());
        }
        JWTAuthContextInfo info = site.orElseThrow(() -> Problems.badRequest(
                "identityToken: contact identity verification is not configured on this deployment."));
        JsonWebToken token;
        try {
            token = parser.parse(identityToken.strip(), info);
        } catch (ParseException e) {
            throw Problems.badRequest("identityToken: not a valid identity token of the company's site.");
        }
        String key = "verified:" + token.getIssuer() + "\n" + token.getSubject();
        return new Identity(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString(), true,
                token.<String>claim(Claims.email).filter(e -> !e.isBlank()));
    }
}
