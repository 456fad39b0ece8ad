package io.switchboard.session.security;

import io.smallrye.config.ConfigMapping;

/**
 * Contact tokens are this service's own ({@code switchboard.contact-token.*}): their own issuer, audience and key
 * pair, apart from the identity provider's. So session-service never holds a key that could mint agent or
 * supervisor tokens, and a contact token is accepted nowhere but here.
 */
@ConfigMapping(prefix = "switchboard.contact-token")
public interface ContactTokenConfig {

    /** The {@code iss} of contact tokens; must differ from the identity provider's. */
    String issuer();

    /** The {@code aud} of contact tokens: no other service expects it. */
    String audience();

    /** Private key that signs contact tokens (PEM), a classpath resource or file. */
    String signingKeyLocation();

    /** Its public key (PEM), to check the tokens contacts present. */
    String publicKeyLocation();
}
