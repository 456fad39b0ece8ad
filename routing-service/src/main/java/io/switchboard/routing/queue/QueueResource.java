package io.switchboard.routing.queue;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.security.Roles;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.routing.DispatchWanted;
import io.switchboard.routing.dispatch.RequestStatus;
import io.switchboard.routing.dispatch.RoutingRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Routing queues: everyone signed in reads them (the transfer dialog lists them), supervisors manage them. */
@Path("/api/routing/queues")
@Tag(name = "Queues")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    private final Event<DispatchWanted> dispatchWanted;
    private final Transactions tx;
    private final OpeningTimes openingTimes;
    private final JsonWebToken jwt;

    public QueueResource(Event<DispatchWanted> dispatchWanted, Transactions tx, OpeningTimes openingTimes,
                         JsonWebToken jwt) {
        this.tx = tx;
        this.dispatchWanted = dispatchWanted;
        this.openingTimes = openingTimes;
        this.jwt = jwt;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "All queues")
    public Uni<List<QueueDefinition>> list() {
        return tx.read(() -> RoutingQueue.<RoutingQueue>listAll(Sort.by("name"))
                .map(queues -> queues.stream().map(QueueDefinition::of).toList()));
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "One queue")
    public Uni<QueueDefinition> get(@PathParam("name") String name) {
        return tx.read(() -> RoutingQueue.<RoutingQueue>findById(name)
                .map(queue -> QueueDefinition.of(existing(queue, name))));
    }

    @POST
    @RolesAllowed(Roles.SUPERVISOR)
    @ResponseStatus(201)
    @Operation(summary = "Create a queue")
    public Uni<QueueDefinition> create(@Valid @NotNull QueueDefinition definition) {
        return tx.commit(() -> RoutingQueue.<RoutingQueue>findById(definition.name())
                .chain(known -> {
                    if (known != null) {
                        throw Problems.conflict("queue-exists", "Queue exists",
                                "There is already a queue '" + definition.name() + "'; change it with PUT.");
                    }
                    RoutingQueue queue = new RoutingQueue();
                    queue.name = definition.name();
                    return checkOverflow(definition).chain(() -> {
                        definition.applyTo(queue);
                        return queue.<RoutingQueue>persist();
                    });
                })
                .map(QueueDefinition::of));
    }

    @PUT
    @Path("/{name}")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Change a queue; waiting chats keep their place")
    public Uni<QueueDefinition> update(@PathParam("name") String name, @Valid @NotNull QueueDefinition definition) {
        if (!name.equals(definition.name())) {
            return Uni.createFrom().failure(Problems.badRequest(
                    "The name in the body ('" + definition.name() + "') differs from the path ('" + name + "')."));
        }
        return tx.commit(() -> RoutingQueue.<RoutingQueue>findById(name)
                        .chain(queue -> checkOverflow(definition).map(ok -> {
                            definition.applyTo(existing(queue, name));
                            return QueueDefinition.of(queue);
                        })))
                .invoke(() -> dispatchWanted.fire(DispatchWanted.NOW));
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed(Roles.SUPERVISOR)
    @ResponseStatus(204)
    @Operation(summary = "Delete a queue that no chat waits in and no queue overflows to")
    public Uni<Void> delete(@PathParam("name") String name) {
        return tx.commit(() -> RoutingQueue.<RoutingQueue>findById(name).chain(queue -> {
            existing(queue, name);
            return RoutingRequest.count("queue = ?1 and status <> ?2", name, RequestStatus.DONE)
                    .chain(waiting -> RoutingQueue.count("overflowQueue", name).chain(overflowing -> {
                        if (waiting > 0 || overflowing > 0) {
                            throw Problems.conflict("queue-in-use", "Queue in use", "Queue '" + name + "' has "
                                    + waiting + " chat(s) waiting and is the overflow of " + overflowing
                                    + " queue(s).");
                        }
                        // A queue made again under this name starts without the old hours, for every reader.
                        return openingTimes.clear(name, jwt.getSubject()).chain(queue::delete);
                    }));
        }));
    }

    private static Uni<Void> checkOverflow(QueueDefinition definition) {
        String overflow = definition.overflowQueue();
        if (overflow == null || overflow.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        if (overflow.equals(definition.name())) {
            return Uni.createFrom().failure(Problems.badRequest("A queue cannot overflow to itself."));
        }
        return RoutingQueue.findById(overflow).map(target -> {
            if (target == null) {
                throw Problems.badRequest("Overflow queue '" + overflow + "' does not exist.");
            }
            return null;
        }).replaceWithVoid();
    }

    private static RoutingQueue existing(RoutingQueue queue, String name) {
        if (queue == null) {
            throw Problems.notFound("Queue", name);
        }
        return queue;
    }
}
