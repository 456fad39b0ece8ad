package io.switchboard.session.support;

import io.smallrye.jwt.build.Jwt;
import java.util.Set;

/**
 * Contact tokens as session-service mints them, and forgeries of them, for the tests that prove which are refused.
 * Agent and supervisor tokens come from local-stack's {@link io.switchboard.stack.test.Tokens}.
 */
public final class ContactTokens {

    /** session-service's own issuer of contact tokens (switchboard.contact-token.issuer). */
    public static final String CONTACT_ISSUER = "https://switchboard.dev/session-service";

    private ContactTokens() {
    }



    /** A contact token as this service mints it (its development contact key), e.g. for a chat that does not exist. */
    public static String contactOf(String chatId) {
        return Jwt.issuer(CONTACT_ISSUER).audience("switchboard-contact").subject("contact:" + chatId)
                .groups(Set.of("contact")).claim("chat", chatId).claim("name", "Mallory")
                .sign("dev-keys/contact-private.pem");
    }

    /** Signed with this service's contact key but claiming agent rights: refused. */
    public static String contactPosingAsAgent(String id) {
        return Jwt.issuer(CONTACT_ISSUER).audience("switchboard-contact").subject(id)
                .groups(Set.of("contact", "agent")).claim("chat", "any").claim("name", "Mallory")
                .sign("dev-keys/contact-private.pem");
    }

    /** A contact token signed with the identity provider's key instead of this service's contact key: refused. */
    public static String forgedContact(String chatId) {
        return Jwt.issuer(io.switchboard.stack.test.Tokens.ISSUER).audience(io.switchboard.stack.test.Tokens.AUDIENCE)
                .subject("contact:" + chatId).groups(Set.of("contact")).claim("chat", chatId)
                .claim("name", "Mallory").sign(io.switchboard.stack.test.Tokens.DEV_SIGNING_KEY);
    }
}
