package io.switchboard.workflow.strategy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Which workflow queues to offer for chats of one origin queue and/or one disposition code. A condition left out
 * matches anything; at least one must be given. An empty {@code queues} list means "no workflow" for such chats.
 */
public record Rule(@Size(max = 255) String originQueue,
                   @Size(max = 255) String dispositionCode,
                   @NotNull @Size(max = WorkflowStrategy.MAX_QUEUES) List<@NotNull String> queues) {

    boolean matches(String origin, String disposition) {
        return (originQueue == null || originQueue.equals(origin))
                && (dispositionCode == null || dispositionCode.equals(disposition));
    }

    boolean hasCondition() {
        return originQueue != null || dispositionCode != null;
    }
}
