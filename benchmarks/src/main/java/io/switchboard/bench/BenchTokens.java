package io.switchboard.bench;

import io.switchboard.stack.test.Tokens;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Agent and supervisor tokens as the identity provider issues them (local-stack's {@link Tokens}, with the run's
 * issuer and key), so the benchmark can sign in as many agents as it needs; the gateway's dev-token only knows the
 * demo roster.
 *
 * @param keyLocation where the PEM private key is ({@code file:/...} or a class-path resource)
 */
record BenchTokens(String issuer, String keyLocation, String audience) {

    /** service-kit's development key, from the checkout. */
    static final String DEV_KEY = "service-kit/src/main/resources/" + Tokens.DEV_SIGNING_KEY;
    private static final String SUPERVISOR_ID = "supervisor1";
    private static final String SUPERVISOR_NAME = "Sam Taylor";
    /** Longer than any run: a socket is closed (4401) when its token expires. */
    private static final Duration LIFETIME = Duration.ofHours(12);

    /** The audience the services require (mp.jwt.verify.audiences), as they read it: JWT_AUDIENCE or Tokens'. */
    static BenchTokens of(String issuer, Path key) {
        return new BenchTokens(issuer, key.toAbsolutePath().toUri().toString(),
                System.getenv().getOrDefault("JWT_AUDIENCE", Tokens.AUDIENCE));
    }

    String agent(String id) {
        return Tokens.signedBy(issuer, keyLocation, LIFETIME, audience, id, id, "agent");
    }

    String supervisor() {
        return Tokens.signedBy(issuer, keyLocation, LIFETIME, audience, SUPERVISOR_ID, SUPERVISOR_NAME, "agent",
                "supervisor");
    }
}
