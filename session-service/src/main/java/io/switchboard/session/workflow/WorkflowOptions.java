package io.switchboard.session.workflow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * @param applies whether a workflow strategy applies: Mark Done then needs PARK with one of {@code queues}, or STOP
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkflowOptions(boolean applies, List<Queue> queues) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Queue(String name, String description) {
    }

    public List<Queue> queuesOrEmpty() {
        return queues == null ? List.of() : queues;
    }

    public boolean offers(String queue) {
        return queuesOrEmpty().stream().anyMatch(q -> q.name().equals(queue));
    }
}
