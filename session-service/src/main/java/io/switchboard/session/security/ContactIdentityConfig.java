package io.switchboard.session.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * How the company's site vouches for a contact ({@code switchboard.contact-identity.*}): it signs a short-lived
 * identity token with its own key, and the chat request carries it. Without a key configured, identity tokens are
 * refused and every contact is anonymous.
 */
@ConfigMapping(prefix = "switchboard.contact-identity")
public interface ContactIdentityConfig {

    /** PEM public key (or JWK set) of the company's site, a classpath resource, file or URL. */
    Optional<String> publicKeyLocation();

    /** The {@code iss} the site writes into its identity tokens. */
    Optional<String> issuer();

    /** The {@code aud} the identity tokens must name: this deployment, so a token for another service is refused. */
    @WithDefault("switchboard")
    String audience();
}
