package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.routing.queue.DataRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The attached-data rules as pure logic: which rules match a chat and what they add up to. */
class DataRulesTest {

    private final DataRules rules = new DataRules(List.of(
            new DataRules.Rule(Optional.empty(), "tier", "gold", 5, Optional.empty()),
            new DataRules.Rule(Optional.of("sales"), "tier", "gold", 2, Optional.of("key-accounts")),
            new DataRules.Rule(Optional.empty(), "vip", "true", 0, Optional.of("vip")),
            new DataRules.Rule(Optional.empty(), "items", "3", 1, Optional.empty())));

    @Test
    void matchingRulesAddTheirPriorityAndSkills() {
        assertThat(rules.effect("sales", Map.of("tier", "gold", "vip", true)))
                .isEqualTo(new DataRules.Effect(7, List.of("key-accounts", "vip")));
        assertThat(rules.effect("support", Map.of("tier", "gold"))).isEqualTo(new DataRules.Effect(5, List.of()));
        assertThat(rules.effect("support", Map.of("items", 3.0))).isEqualTo(new DataRules.Effect(1, List.of()));
        assertThat(rules.effect("support", Map.of("tier", "silver", "vip", false))).isEqualTo(DataRules.Effect.NONE);
        assertThat(rules.effect("support", null)).isEqualTo(DataRules.Effect.NONE);
    }
}
