package io.switchboard.session.workflow;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks workflow-service which workflow queues apply. When it cannot answer, the caller gets 503 rather than a guess:
 * completing a chat without the strategy it should follow would lose the interaction from the workflow.
 */
@ApplicationScoped
public class WorkflowAdvisor {

    private final WorkflowClient client;

    public WorkflowAdvisor(@RestClient WorkflowClient client) {
        this.client = client;
    }

    public Uni<WorkflowOptions> options(String queue, String disposition) {
        return client.options(queue, disposition)
                .onFailure().transform(failure -> {
                    Log.warnf("workflow-service did not answer: %s", failure.toString());
                    return new ProblemException(Status.SERVICE_UNAVAILABLE, "workflow-unavailable",
                            "Workflow service unavailable",
                            "The workflow options cannot be read right now; try Mark Done again in a moment.");
                });
    }
}
