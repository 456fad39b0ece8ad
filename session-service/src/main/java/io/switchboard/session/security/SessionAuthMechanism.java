package io.switchboard.session.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JWTAuthMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.security.Roles;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer authentication of session-service's REST API: contact tokens (this service's own issuer and key) are
 * verified here, everything else by the standard JWT mechanism with the identity provider's key.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SessionAuthMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    private final JWTAuthMechanism delegate;
    private final TokenVerifier verifier;

    public SessionAuthMechanism(JWTAuthMechanism delegate, TokenVerifier verifier) {
        this.delegate = delegate;
        this.verifier = verifier;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return delegate.authenticate(context, identityProviderManager);
        }
        String token = header.substring(BEARER.length()).strip();
        if (!verifier.isContactToken(token)) {
            return delegate.authenticate(context, identityProviderManager)
                    .invoke(identity -> {
                        if (identity != null && identity.hasRole(Roles.CONTACT)) {
                            throw new AuthenticationFailedException("contact tokens come from session-service only");
                        }
                    });
        }
        return Uni.createFrom().item(() -> {
            try {
                JsonWebToken jwt = verifier.verify(token);
                return (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(jwt)
                        .addRoles(Set.of(Roles.CONTACT))
                        .addCredential(new TokenCredential(token, "bearer"))
                        .build();
            } catch (ParseException e) {
                throw new AuthenticationFailedException(e);
            }
        });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return delegate.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return delegate.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return delegate.getCredentialTransport(context);
    }
}
