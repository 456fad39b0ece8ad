package io.switchboard.session.workflow;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** workflow-service's answer to "which workflow queues apply to this finished chat?". */
@RegisterRestClient(configKey = "workflow")
@Path("/api/workflow")
public interface WorkflowClient {

    @GET
    @Path("/options")
    Uni<WorkflowOptions> options(@QueryParam("queue") String queue, @QueryParam("disposition") String disposition);
}
