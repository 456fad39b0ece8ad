package io.switchboard.session.support;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/** Agent and supervisor tokens, as the company's identity provider would issue them. */
public final class Tokens {

    public static final String ISSUER = "https://switchboard.dev/local-idp";

    private Tokens() {
    }

    public static String agent(String id, String name) {
        return Jwt.issuer(ISSUER).subject(id).groups(Set.of("agent")).claim("name", name).sign();
    }

    public static String supervisor(String id, String name) {
        return Jwt.issuer(ISSUER).subject(id).groups(Set.of("agent", "supervisor")).claim("name", name).sign();
    }

    /** A contact token this service did not mint for that chat, to prove it is refused. */
    public static String forgedContact(String chatId) {
        return Jwt.issuer(ISSUER).subject("contact:" + chatId).groups(Set.of("contact")).claim("chat", chatId)
                .claim("name", "Mallory").sign();
    }
}
