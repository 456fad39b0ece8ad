package io.switchboard.session.ws;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.jwt.auth.principal.ParseException;
import io.switchboard.kit.security.BearerToken;
import io.switchboard.session.chat.Caller;
import io.switchboard.session.security.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies the bearer token of a WebSocket handshake (the header, or the browser sub-protocol that Quarkus turns
 * into that header). Done here rather than by the HTTP layer so that a missing or bad token closes the socket with
 * the documented 4401 instead of failing the upgrade.
 */
@ApplicationScoped
public class SocketAuthenticator {

    private final TokenVerifier verifier;

    public SocketAuthenticator(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** @param expiresAt when the token stops being valid: the socket is closed then (CloseCodes.TOKEN_EXPIRED) */
    public record Authenticated(Caller caller, Instant expiresAt) {
    }

    public Optional<Authenticated> authenticate(WebSocketConnection connection) {
        Optional<String> token = BearerToken.of(connection.handshakeRequest().header("Authorization"));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonWebToken jwt = verifier.verify(token.get());
            return Optional.of(new Authenticated(Caller.of(jwt), Instant.ofEpochSecond(jwt.getExpirationTime())));
        } catch (ParseException e) {
            Log.debugf("socket token refused: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
