package io.switchboard.history;

import io.smallrye.jwt.build.Jwt;
import java.util.Set;

/** Bearer tokens as the identity provider issues them (signed with the development key). */
final class Tokens {

    private static final String ISSUER = "https://switchboard.dev/local-idp";

    private Tokens() {
    }

    static String agent(String id) {
        return Jwt.issuer(ISSUER).subject(id).groups(Set.of("agent")).claim("name", id).sign();
    }

    static String supervisor(String id) {
        return Jwt.issuer(ISSUER).subject(id).groups(Set.of("agent", "supervisor")).claim("name", id).sign();
    }
}
