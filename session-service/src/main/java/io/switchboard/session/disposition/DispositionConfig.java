package io.switchboard.session.disposition;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/** The disposition codes agents choose from at wrap-up ({@code switchboard.disposition.*}). */
@ConfigMapping(prefix = "switchboard.disposition")
public interface DispositionConfig {

    /** When true, Mark Done without a disposition code is refused. */
    boolean required();

    List<Code> codes();

    interface Code {
        String code();

        String label();
    }

    default boolean known(String code) {
        return codes().stream().anyMatch(c -> c.code().equals(code));
    }
}
