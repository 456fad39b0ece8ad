package io.switchboard.session.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.events.ChatDataChanged;
import io.switchboard.kit.problem.ProblemException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of attached data, pure logic: keys, value types, limits, and what a change changed. */
class AttachedDataTest {

    private final AttachedData rules = new AttachedData(3, 10, 5);

    @Test
    void setsChangesAndRemovesKeysAndSaysWhatChanged() {
        Map<String, Object> first = rules.apply(Map.of(), Map.of("tier", "gold"), true).data();
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("tier", "plat");
        change.put("basket", 12.50);
        change.put("vip", true);
        var result = rules.apply(first, change, false);
        assertThat(result.data()).containsExactly(Map.entry("tier", "plat"), Map.entry("basket", 12.5),
                Map.entry("vip", true));
        assertThat(result.changes()).containsExactly(new ChatDataChanged.Change("tier", "plat", "gold"),
                new ChatDataChanged.Change("basket", 12.5, null), new ChatDataChanged.Change("vip", true, null));

        Map<String, Object> removal = new HashMap<>();
        removal.put("vip", null);
        removal.put("absent", null);
        var removed = rules.apply(result.data(), removal, false);
        assertThat(removed.data()).doesNotContainKey("vip");
        assertThat(removed.changes()).containsExactly(new ChatDataChanged.Change("vip", null, true));
        // The same values again change nothing.
        assertThat(rules.apply(removed.data(), Map.of("tier", "plat"), false).changes()).isEmpty();
        // Whole numbers are kept whole.
        assertThat(rules.apply(Map.of(), Map.of("n", 2.0), true).data()).containsEntry("n", 2L);
    }

    @Test
    void badKeysValuesAndSizesAreRefusedNamingTheField() {
        assertField(() -> rules.apply(Map.of(), Map.of("1st", "x"), true), "data.1st");
        assertField(() -> rules.apply(Map.of(), Map.of("has space", "x"), true), "data.has space");
        assertField(() -> rules.apply(Map.of(), Map.of("muchtoolongkey", "x"), true), "data.muchtoolongkey");
        assertField(() -> rules.apply(Map.of(), Map.of("note", "too long"), true), "data.note");
        assertField(() -> rules.apply(Map.of(), Map.of("list", List.of(1)), true), "data.list");
        assertField(() -> rules.apply(Map.of(), Map.of("obj", Map.of("a", 1)), true), "data.obj");
        assertField(() -> rules.apply(Map.of(), Map.of("a", 1, "b", 2, "c", 3, "d", 4), true), "data");
        Map<String, Object> nullOnRequest = new HashMap<>();
        nullOnRequest.put("gone", null);
        assertField(() -> rules.apply(Map.of(), nullOnRequest, true), "data.gone");
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status().getStatusCode()).isEqualTo(400);
            assertThat(p.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo(field));
        });
    }
}
