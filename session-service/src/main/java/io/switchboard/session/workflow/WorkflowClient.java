package io.switchboard.session.workflow;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * workflow-service's answer to "which workflow queues apply to this finished chat?". It is asked on behalf of the
 * agent: the agent's bearer token is passed on (org.eclipse.microprofile.rest.client.propagateHeaders).
 */
@RegisterRestClient(configKey = "workflow")
@RegisterClientHeaders
@Path("/api/workflow")
public interface WorkflowClient {

    @GET
    @Path("/options")
    Uni<WorkflowOptions> options(@QueryParam("queue") String queue, @QueryParam("disposition") String disposition);
}
