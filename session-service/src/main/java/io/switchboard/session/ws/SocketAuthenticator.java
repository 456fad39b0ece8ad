package io.switchboard.session.ws;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.jwt.auth.principal.ParseException;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.security.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Verifies the bearer token of a WebSocket handshake (the header, or the browser sub-protocol that Quarkus turns
 * into that header). Done here rather than by the HTTP layer so that a missing or bad token closes the socket with
 * the documented 4401 instead of failing the upgrade.
 */
@ApplicationScoped
public class SocketAuthenticator {

    private static final String BEARER = "Bearer ";

    private final TokenVerifier verifier;

    public SocketAuthenticator(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    public Optional<Caller> authenticate(WebSocketConnection connection) {
        String header = connection.handshakeRequest().header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Caller.of(verifier.verify(header.substring(BEARER.length()).strip())));
        } catch (ParseException e) {
            Log.debugf("socket token refused: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
