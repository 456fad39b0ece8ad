package io.switchboard.gateway.auth;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Dev login is on by default only in dev mode, tests and the local run. Wherever it is on, it must be able to sign:
 * a missing or unreadable key stops the gateway at start, not at the first sign-in. Switched on in any other profile
 * (a demo deployment), it says so loudly.
 */
@ApplicationScoped
public class DevLoginStartupCheck {

    private static final Logger LOG = Logger.getLogger(DevLoginStartupCheck.class);
    /** The profiles whose configuration switches dev login on (application.properties). */
    static final Set<String> DEVELOPMENT_PROFILES = Set.of("dev", "test", "local");
    private static final Duration PROBE_LIFETIME = Duration.ofSeconds(1);

    void check(@Observes StartupEvent event, DevLoginConfig config,
               @ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> keyLocation,
               @ConfigProperty(name = "smallrye.jwt.sign.key") Optional<String> key) {
        if (!config.enabled()) {
            LOG.info("Development login is off (POST /auth/dev-token answers 404)");
            return;
        }
        requireSigningKey(keyLocation, key);
        List<String> profiles = ConfigUtils.getProfiles();
        if (profiles.stream().noneMatch(DEVELOPMENT_PROFILES::contains)) {
            LOG.warnf("Development login is ON in profile %s: anyone reaching the gateway gets agent and supervisor"
                    + " tokens. Switch it off (switchboard.dev-login.enabled=false) outside demos.", profiles);
        }
    }

    /** Signs a throw-away token, so that a key that cannot be read fails now, with the reason. */
    static void requireSigningKey(Optional<String> keyLocation, Optional<String> key) {
        if (keyLocation.filter(s -> !s.isBlank()).isEmpty() && key.filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException("Development login is on (switchboard.dev-login.enabled=true) but no"
                    + " signing key is configured: set JWT_SIGNING_KEY_LOCATION (smallrye.jwt.sign.key.location),"
                    + " or switch dev login off");
        }
        try {
            Jwt.subject("startup-check").expiresIn(PROBE_LIFETIME).sign();
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IllegalStateException("Development login is on but its signing key "
                    + keyLocation.orElse("(inline)") + " cannot be used: " + root, e);
        }
    }
}
