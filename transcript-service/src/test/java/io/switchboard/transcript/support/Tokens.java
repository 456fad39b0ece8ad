package io.switchboard.transcript.support;

import io.smallrye.jwt.build.Jwt;
import io.switchboard.kit.security.Roles;
import java.util.Set;

/** Bearer tokens as the company's identity provider issues them (signed with the development key). */
public final class Tokens {

    private static final String ISSUER = "https://switchboard.dev/local-idp";

    private Tokens() {
    }

    public static String agent(String id, String name) {
        return Jwt.issuer(ISSUER).subject(id).groups(Set.of(Roles.AGENT)).claim(Roles.NAME_CLAIM, name).sign();
    }

    public static String supervisor(String id) {
        return Jwt.issuer(ISSUER).subject(id).groups(Set.of(Roles.AGENT, Roles.SUPERVISOR))
                .claim(Roles.NAME_CLAIM, "Sam Taylor").sign();
    }
}
