package io.switchboard.stack.test;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Set;

/**
 * The one way tests get agent and supervisor tokens: what the development identity provider (the gateway's dev
 * login) issues, signed with the development key that service-kit ships for the dev, test and local profiles.
 * Signed with an explicit key and issuer so that it works in any JVM, with or without Quarkus' configuration.
 */
public final class Tokens {

    public static final String ISSUER = "https://switchboard.dev/local-idp";
    public static final String AUDIENCE = "switchboard";
    /** On the class path of every service through service-kit. */
    public static final String DEV_SIGNING_KEY = "dev-keys/private.pem";
    private static final String AGENT = "agent";
    private static final String SUPERVISOR = "supervisor";
    private static final String NAME_CLAIM = "name";

    private Tokens() {
    }

    public static String agent(String id) {
        return agent(id, id);
    }

    public static String agent(String id, String name) {
        return signed(AUDIENCE, id, name, AGENT);
    }

    public static String supervisor(String id) {
        return supervisor(id, id);
    }

    public static String supervisor(String id, String name) {
        return signed(AUDIENCE, id, name, AGENT, SUPERVISOR);
    }

    /** A token of the development identity provider for any audience and groups, e.g. to prove a refusal. */
    public static String signed(String audience, String subject, String name, String... groups) {
        return Jwt.issuer(ISSUER).audience(audience).subject(subject).groups(Set.of(groups))
                .claim(NAME_CLAIM, name).sign(DEV_SIGNING_KEY);
    }

    /**
     * A token of any identity provider: its issuer and private key ({@code file:/...} or a class-path resource, PEM),
     * valid for {@code lifetime} (sockets close at their token's expiry). For a load generator that signs in as many
     * agents as it needs, for a whole run, against a stack with its own identity provider.
     */
    public static String signedBy(String issuer, String signingKeyLocation, Duration lifetime, String audience,
                                  String subject, String name, String... groups) {
        return Jwt.issuer(issuer).audience(audience).subject(subject).groups(Set.of(groups))
                .claim(NAME_CLAIM, name).expiresIn(lifetime).sign(signingKeyLocation);
    }
}
