package io.switchboard.gateway.auth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dev login switched on without a key stops the gateway at start, saying what to set. */
class DevLoginStartupCheckTest {

    @Test
    void noSigningKeyIsAClearStartFailure() {
        assertThatThrownBy(() -> DevLoginStartupCheck.requireSigningKey(Optional.empty(), Optional.of(" ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JWT_SIGNING_KEY_LOCATION")
                .hasMessageContaining("switchboard.dev-login.enabled");
    }
}
