package io.switchboard.kit.security;

import java.util.Optional;

/**
 * The token of an {@code Authorization: Bearer ...} header. WebSocket endpoints verify it themselves at open (the
 * browser's sub-protocol becomes that header), so that a missing or bad token closes the socket with the documented
 * 4401 instead of failing the upgrade, which a browser only sees as 1006 and would retry for ever.
 */
public final class BearerToken {

    private static final String BEARER = "Bearer ";

    private BearerToken() {
    }

    public static Optional<String> of(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorizationHeader.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
