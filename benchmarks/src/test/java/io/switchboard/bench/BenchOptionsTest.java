package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The options a user types: defaults, the session CPU limit, and the errors that name what is wrong. */
class BenchOptionsTest {

    private static final Path OUT = Path.of("target/bench");

    @Test
    void noLimitUnlessAsked() {
        assertThat(BenchOptions.parse(new String[0], OUT).sessionCpu()).isZero();
    }

    @Test
    void aSessionLimitIsCoresPerInstance() {
        BenchOptions options = BenchOptions.parse(
                new String[] {"--session-instances", "2", "--session-cpu", "0.25"}, OUT);

        assertThat(options.sessionCpu()).isEqualTo(0.25);
        assertThat(options.sessionInstances()).isEqualTo(2);
        assertThat(options.throughGateway()).as("two instances go direct").isFalse();
    }

    @Test
    void aLimitBeyondTheMachineOrBelowZeroIsRefused() {
        String tooMany = Integer.toString(Runtime.getRuntime().availableProcessors() + 1);

        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--session-cpu", tooMany}, OUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--session-cpu");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--session-cpu", "-0.5"}, OUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--session-cpu");
    }
}
