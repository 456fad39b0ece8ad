package io.switchboard.workflow.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowStrategyTest {

    private static final List<QueueDefinition> QUEUES = List.of(
            new QueueDefinition("follow-up", "Follow up", 60L),
            new QueueDefinition("quality-review", "Review", 60L),
            new QueueDefinition("callback", "Call back", 60L));

    private static final List<Rule> RULES = List.of(
            new Rule("support", "SPAM", List.of()),
            new Rule("sales", null, List.of("callback")),
            new Rule(null, "COMPLAINT", List.of("quality-review", "follow-up")));

    private static List<String> offered(WorkflowStrategy strategy, String origin, String disposition) {
        return strategy.queuesFor(origin, disposition).stream().map(QueueDefinition::name).toList();
    }

    @Test
    void firstMatchingRuleDecidesAndTheDefaultCoversTheRest() {
        WorkflowStrategy strategy = new WorkflowStrategy(true, QUEUES, RULES, List.of("follow-up"));

        assertThat(offered(strategy, "sales", "COMPLAINT")).containsExactly("callback");
        assertThat(offered(strategy, "billing", "COMPLAINT")).containsExactly("quality-review", "follow-up");
        assertThat(offered(strategy, "support", "SPAM")).isEmpty();
        assertThat(offered(strategy, "support", "OTHER")).containsExactly("follow-up");
        assertThat(offered(strategy, null, null)).containsExactly("follow-up");
        assertThat(strategy.inconsistencies()).isEmpty();
    }

    @Test
    void aDisabledStrategyOffersNothing() {
        WorkflowStrategy strategy = new WorkflowStrategy(false, QUEUES, RULES, List.of("follow-up"));

        assertThat(offered(strategy, "sales", null)).isEmpty();
    }

    @Test
    void withoutDefaultQueuesUnmatchedChatsGetNoWorkflow() {
        WorkflowStrategy strategy = new WorkflowStrategy(true, QUEUES, RULES, List.of());

        assertThat(offered(strategy, "billing", "THANKS")).isEmpty();
    }

    @Test
    void unknownQueuesRepeatedNamesAndRulesWithoutConditionAreReported() {
        List<QueueDefinition> queues = List.of(QUEUES.get(0), QUEUES.get(0));
        List<Rule> rules = List.of(new Rule(null, null, List.of("follow-up")), new Rule("sales", null, List.of("nope")));
        WorkflowStrategy strategy = new WorkflowStrategy(true, queues, rules, List.of("gone"));

        assertThat(strategy.inconsistencies()).containsExactly(
                "queue 'follow-up' is defined twice",
                "rules[0] needs an originQueue or a dispositionCode (use defaultQueues for the rest)",
                "rules[1] names unknown queue 'nope'",
                "defaultQueues names unknown queue 'gone'");
    }
}
