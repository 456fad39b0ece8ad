package io.switchboard.telephony.call;

import io.switchboard.kit.problem.ProblemException;
import io.switchboard.telephony.TelephonyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The PBX's status callbacks carry the shared secret ({@code switchboard.telephony.webhook.secret}), either in the
 * header {@code X-Telephony-Secret} or as the password of HTTP Basic auth (what callback URLs with credentials,
 * {@code https://pbx:<secret>@host/...}, send). Not as a bearer token: the service reads bearer tokens as staff
 * JWTs. Without a configured secret every callback is refused.
 */
@ApplicationScoped
public class WebhookAuth {

    public static final String SECRET_HEADER = "X-Telephony-Secret";

    private final Optional<byte[]> secret;

    public WebhookAuth(TelephonyConfig config) {
        this.secret = config.webhook().secret().filter(s -> !s.isBlank())
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    /** Refuses with 401 problem+json unless the request carries the secret. */
    public void check(String secretHeader, String authorization) {
        if (secret.isEmpty()) {
            throw unauthorized("No webhook secret is configured (switchboard.telephony.webhook.secret, "
                    + "TELEPHONY_WEBHOOK_SECRET): status callbacks are refused.");
        }
        String given = secretHeader != null ? secretHeader : basicPassword(authorization);
        if (given == null) {
            throw unauthorized("The status callback carries no secret (header " + SECRET_HEADER
                    + ", or HTTP Basic auth).");
        }
        if (!MessageDigest.isEqual(secret.get(), given.getBytes(StandardCharsets.UTF_8))) {
            throw unauthorized("The status callback's secret is not the configured one.");
        }
    }

    private static String basicPassword(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(colon + 1);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(Status.UNAUTHORIZED, "unauthorized", "Not authenticated", detail);
    }
}
