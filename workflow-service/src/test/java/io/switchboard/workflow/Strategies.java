package io.switchboard.workflow;

import static io.switchboard.workflow.Actors.SAM;

import io.switchboard.workflow.strategy.QueueDefinition;
import io.switchboard.workflow.strategy.Rule;
import io.switchboard.workflow.strategy.WorkflowStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Changes the strategy the way a supervisor would. Test classes share one application, so changes keep every queue
 * that exists (other tests have items in them) and tests use queues of their own.
 */
public final class Strategies {

    public static final long ONE_DAY = Duration.ofDays(1).toSeconds();

    private Strategies() {
    }

    public static WorkflowStrategy current() {
        return SAM.request().get("/api/workflow/strategy").then().statusCode(200).extract().as(WorkflowStrategy.class);
    }

    public static WorkflowStrategy put(WorkflowStrategy strategy) {
        return SAM.request().body(strategy).put("/api/workflow/strategy").then().statusCode(200)
                .extract().as(WorkflowStrategy.class);
    }

    /** Adds a queue with a fresh name and the given maximum age; returns its name. */
    public static String freshQueue(long maxAgeSeconds) {
        String name = "q-" + UUID.randomUUID().toString().substring(0, 8);
        WorkflowStrategy now = current();
        List<QueueDefinition> queues = new ArrayList<>(now.queues());
        queues.add(new QueueDefinition(name, "Test queue " + name, maxAgeSeconds));
        put(new WorkflowStrategy(now.enabled(), queues, now.rules(), now.defaultQueues()));
        return name;
    }

    public static String freshQueue() {
        return freshQueue(ONE_DAY);
    }

    /** The current queues with new rules. */
    public static WorkflowStrategy rules(boolean enabled, List<Rule> rules, List<String> defaultQueues) {
        return new WorkflowStrategy(enabled, current().queues(), rules, defaultQueues);
    }
}
