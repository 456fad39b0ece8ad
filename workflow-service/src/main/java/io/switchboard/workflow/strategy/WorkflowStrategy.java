package io.switchboard.workflow.strategy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The contact centre's workflow strategy: whether finished interactions go through a workflow at all, the queues
 * they can be parked in, and which of those queues to offer for a chat. The first rule that matches the chat's
 * origin queue and disposition code decides; when none matches, {@code defaultQueues} are offered (none: no workflow).
 */
public record WorkflowStrategy(boolean enabled,
                               @NotNull @Size(min = 1, max = MAX_QUEUES) List<@NotNull @Valid QueueDefinition> queues,
                               @NotNull @Size(max = MAX_RULES) List<@NotNull @Valid Rule> rules,
                               @NotNull @Size(max = MAX_QUEUES) List<@NotNull String> defaultQueues) {

    static final int MAX_QUEUES = 50;
    static final int MAX_RULES = 500;

    /** The queues to offer for a chat, in the configured order; empty when no workflow applies. */
    public List<QueueDefinition> queuesFor(String originQueue, String dispositionCode) {
        if (!enabled) {
            return List.of();
        }
        List<String> names = rules.stream()
                .filter(rule -> rule.matches(originQueue, dispositionCode))
                .findFirst()
                .map(Rule::queues)
                .orElse(defaultQueues);
        return names.stream().map(this::queue).filter(Objects::nonNull).toList();
    }

    /** What makes this strategy unusable (beyond field validation): unknown or repeated names, rules without condition. */
    public List<String> inconsistencies() {
        List<String> found = new ArrayList<>();
        Set<String> names = new HashSet<>();
        queues.forEach(q -> {
            if (!names.add(q.name())) {
                found.add("queue '" + q.name() + "' is defined twice");
            }
        });
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (!rule.hasCondition()) {
                found.add("rules[" + i + "] needs an originQueue or a dispositionCode (use defaultQueues for the rest)");
            }
            String where = "rules[" + i + "]";
            unknown(rule.queues(), names).forEach(n -> found.add(where + " names unknown queue '" + n + "'"));
        }
        unknown(defaultQueues, names).forEach(n -> found.add("defaultQueues names unknown queue '" + n + "'"));
        return found;
    }

    private QueueDefinition queue(String name) {
        return queues.stream().filter(q -> q.name().equals(name)).findFirst().orElse(null);
    }

    private static List<String> unknown(List<String> wanted, Set<String> known) {
        return wanted.stream().filter(n -> !known.contains(n)).distinct().toList();
    }
}
