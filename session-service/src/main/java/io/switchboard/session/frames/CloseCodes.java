package io.switchboard.session.frames;

import io.quarkus.websockets.next.CloseReason;
import io.switchboard.kit.TemporaryFailures;

/** The application close codes of docs/api.md (4000-4999 is the range RFC 6455 leaves to applications). */
public final class CloseCodes {

    public static final CloseReason UNAUTHORIZED = new CloseReason(4401, "no or bad token");
    public static final CloseReason FORBIDDEN = new CloseReason(4403, "not a participant of this chat");
    public static final CloseReason UNKNOWN_CHAT = new CloseReason(4404, "unknown chat");
    /** The client reads too slowly: more than the bound of frames waits for it. It reconnects and resumes. */
    public static final CloseReason TOO_SLOW = new CloseReason(4408, "too slow to read; reconnect and resume");
    /** The token's lifetime ended while the socket was open: renew the token, reconnect and resume. */
    public static final CloseReason TOKEN_EXPIRED = new CloseReason(4401, "token expired");
    /** RFC 6455 1008 "policy violation": more sockets than one participant may hold. */
    public static final CloseReason TOO_MANY_SOCKETS = new CloseReason(1008, "too many sockets for this participant");
    /** RFC 6455 1009 "message too big". */
    public static final CloseReason TOO_LARGE = new CloseReason(1009, "message too large");
    /** RFC 6455 1013 "try again later": the socket could not be opened or served, its database is away for now. */
    public static final CloseReason TRY_AGAIN_LATER = new CloseReason(1013, "service unavailable; reconnect later");

    /** Vert.x reports a message over quarkus.websockets-next.server.max-message-size with this text. */
    private static final String OVERSIZED_MESSAGE = "max message size";

    private CloseCodes() {
    }

    /**
     * How a socket closes on a failure no frame answers (its opening, an oversized message): 1009 for a message
     * above the size cap, 1013 when a dependency is away for now (the client reconnects), else 1011.
     */
    public static CloseReason forFailure(Throwable failure) {
        if (isOversized(failure)) {
            return TOO_LARGE;
        }
        return TemporaryFailures.isTemporary(failure) ? TRY_AGAIN_LATER : CloseReason.INTERNAL_SERVER_ERROR;
    }

    private static boolean isOversized(Throwable failure) {
        return failure instanceof IllegalStateException && failure.getMessage() != null
                && failure.getMessage().contains(OVERSIZED_MESSAGE);
    }
}
