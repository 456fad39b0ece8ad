package io.switchboard.gateway.auth;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The development login: a demo roster that gets signed tokens without a password. Off in the production profile,
 * where agents and supervisors get their tokens from the company's identity provider.
 */
@ConfigMapping(prefix = "switchboard.dev-login")
public interface DevLoginConfig {

    boolean enabled();

    /** Issuer of the tokens; the services check it ({@code mp.jwt.verify.issuer}). */
    String issuer();

    /** Audience of the tokens; the services require it ({@code mp.jwt.verify.audiences}). */
    String audience();

    Duration tokenLifetime();

    /** Demo users by user name (the token's {@code sub}). */
    Map<String, RosterUser> roster();

    interface RosterUser {
        /** Display name, the token's {@code name} claim. */
        String name();

        /** Roles, the token's {@code groups} claim. */
        Set<String> groups();
    }
}
