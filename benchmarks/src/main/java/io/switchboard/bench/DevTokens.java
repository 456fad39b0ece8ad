package io.switchboard.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Mints RS256 agent and supervisor tokens as the identity provider would (claims of docs/api.md), so the benchmark
 * can use as many agents as it needs; the gateway's dev-token only knows the demo roster.
 */
final class DevTokens {

    static final String DEV_KEY = "service-kit/src/main/resources/dev-keys/private.pem";
    private static final Duration LIFETIME = Duration.ofHours(12);
    /** The audience the services require (mp.jwt.verify.audiences), as they read it: JWT_AUDIENCE or switchboard. */
    private static final String AUDIENCE = System.getenv().getOrDefault("JWT_AUDIENCE", "switchboard");
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final String issuer;
    private final PrivateKey key;

    DevTokens(String issuer, Path pem) {
        this.issuer = issuer;
        try {
            String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a PKCS#8 RSA private key: " + pem, e);
        }
    }

    String agent(String id) {
        return sign(id, id, List.of("agent"));
    }

    String supervisor() {
        return sign("supervisor1", "Sam Taylor", List.of("agent", "supervisor"));
    }

    private String sign(String subject, String name, List<String> groups) {
        Instant now = Instant.now();
        JsonObject claims = new JsonObject().put("iss", issuer).put("aud", AUDIENCE).put("sub", subject)
                .put("upn", subject)
                .put("name", name).put("groups", new JsonArray(groups)).put("iat", now.getEpochSecond())
                .put("exp", now.plus(LIFETIME).getEpochSecond());
        String unsigned = encode(new JsonObject().put("alg", "RS256").put("typ", "JWT")) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String encode(JsonObject json) {
        return URL.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
    }
}
