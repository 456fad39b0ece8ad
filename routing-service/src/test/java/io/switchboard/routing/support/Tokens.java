package io.switchboard.routing.support;

import io.smallrye.jwt.build.Jwt;
import io.switchboard.kit.security.Roles;
import java.util.Set;

/** Tokens as the company's identity provider issues them (signed with the development key outside prod). */
public final class Tokens {

    public static final String ISSUER = "https://switchboard.dev/local-idp";

    private Tokens() {
    }

    public static String agent(String id) {
        return Jwt.issuer(ISSUER).subject(id).groups(Set.of(Roles.AGENT)).claim(Roles.NAME_CLAIM, id).sign();
    }

    /** A contact's token, as session-service mints it for one chat. */
    public static String contact(String chatId) {
        return Jwt.issuer(ISSUER).subject("contact-" + chatId).groups(Set.of(Roles.CONTACT))
                .claim(Roles.CHAT_CLAIM, chatId).claim(Roles.NAME_CLAIM, "Contact").sign();
    }

    public static String supervisor() {
        return Jwt.issuer(ISSUER).subject("supervisor1").groups(Set.of(Roles.AGENT, Roles.SUPERVISOR))
                .claim(Roles.NAME_CLAIM, "Sam Taylor").sign();
    }
}
