package io.switchboard.workflow.strategy;

import java.util.List;

/** The answer to "does a workflow apply to this chat, and which queues may the agent choose?". */
public record WorkflowOptions(boolean applies, List<Option> queues) {

    public record Option(String name, String description) {
    }

    static WorkflowOptions of(List<QueueDefinition> queues) {
        return new WorkflowOptions(!queues.isEmpty(),
                queues.stream().map(q -> new Option(q.name(), q.description())).toList());
    }
}
