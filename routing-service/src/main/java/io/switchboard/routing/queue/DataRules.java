package io.switchboard.routing.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attached-data rules of the queues (docs/routing-service.md, "Attached data rules"), pure logic: a rule matches
 * a chat of its queue (of any queue when it names none) whose attached data has its key with its value (compared as
 * text: {@code gold}, {@code 2}, {@code true}); each matching rule adds its priority and requires its skill.
 */
public final class DataRules {

    /** One rule as configured. */
    public record Rule(Optional<String> queue, String key, String value, int priority, Optional<String> skill) {
    }

    /** What the matching rules make of a chat: added to its queue's priority, and skills its agent needs. */
    public record Effect(int priorityBoost, List<String> skills) {
        public static final Effect NONE = new Effect(0, List.of());
    }

    private final List<Rule> rules;

    public DataRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public Effect effect(String queue, Map<String, Object> data) {
        if (data == null || data.isEmpty()) {
            return Effect.NONE;
        }
        int boost = 0;
        List<String> skills = new ArrayList<>();
        for (Rule rule : rules) {
            Object value = data.get(rule.key());
            boolean ofQueue = rule.queue().map(q -> q.equals(queue)).orElse(true);
            if (ofQueue && value != null && text(value).equals(rule.value())) {
                boost += rule.priority();
                rule.skill().filter(s -> !skills.contains(s)).ifPresent(skills::add);
            }
        }
        return new Effect(boost, List.copyOf(skills));
    }

    /** A value as text: whole numbers without a fraction (2, not 2.0), booleans as true/false. */
    static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }
}
