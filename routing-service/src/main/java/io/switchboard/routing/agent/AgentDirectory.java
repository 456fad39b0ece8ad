package io.switchboard.routing.agent;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.StateChangeCause;
import io.switchboard.kit.problem.Problems;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.routing.DispatchWanted;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.dispatch.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The roster and agent states. A change that could allow a match runs routing at once. */
@ApplicationScoped
public class AgentDirectory {

    private final Event<DispatchWanted> dispatchWanted;
    private final int defaultCapacity;
    private final Transactions tx;
    private final AgentStateChanges states;

    public AgentDirectory(Event<DispatchWanted> dispatchWanted, RoutingConfig config, Transactions tx,
                          AgentStateChanges states) {
        this.tx = tx;
        this.states = states;
        this.dispatchWanted = dispatchWanted;
        this.defaultCapacity = config.defaultCapacity();
    }

    public Uni<AgentView> get(String id) {
        return tx.read(() -> Agent.<Agent>findById(id).map(agent -> AgentView.of(existing(agent, id))));
    }

    public Uni<List<AgentView>> list() {
        return tx.read(() -> Agent.<Agent>listAll(Sort.by("id"))
                .map(agents -> agents.stream().map(AgentView::of).toList()));
    }

    public Uni<AgentView> create(AgentDefinition definition) {
        return tx.commit(() -> Agent.<Agent>findById(definition.id()).chain(known -> {
            if (known != null) {
                throw Problems.conflict("agent-exists", "Agent exists",
                        "There is already an agent '" + definition.id() + "'; change it with PUT.");
            }
            Instant now = Instant.now();
            Agent agent = new Agent();
            agent.id = definition.id();
            agent.state = AgentState.LOGGED_OUT;
            agent.stateSince = now;
            agent.idleSince = now;
            apply(definition, agent);
            return agent.<Agent>persist().map(AgentView::of);
        }));
    }

    public Uni<AgentView> update(String id, AgentDefinition definition) {
        if (!id.equals(definition.id())) {
            return Uni.createFrom().failure(Problems.badRequest(
                    "The id in the body ('" + definition.id() + "') differs from the one in the path ('" + id + "')."));
        }
        return tx.commit(() -> Rows.lockAgent(id).map(agent -> {
            apply(definition, existing(agent, id));
            return AgentView.of(agent);
        })).invoke(() -> dispatchWanted.fire(DispatchWanted.NOW));
    }

    /** @param changedBy the user asking: the agent themself ({@code AGENT}) or a supervisor */
    public Uni<AgentView> changeState(String id, StateChange change, String changedBy, StateChangeCause cause) {
        return tx.commit(() -> Rows.lockAgent(id).chain(agent -> {
            AgentState target = change.target();
            AgentStates.check(existing(agent, id), target, change.reason());
            return states.change(agent, target, target == AgentState.NOT_READY ? change.reason() : null, cause,
                    changedBy, Instant.now()).map(changed -> AgentView.of(agent));
        })).invoke(() -> dispatchWanted.fire(DispatchWanted.NOW));
    }

    private void apply(AgentDefinition definition, Agent agent) {
        agent.name = definition.name();
        agent.skills = Map.copyOf(definition.skills());
        agent.capacity = definition.capacity() != null ? definition.capacity() : defaultCapacity;
        agent.role = definition.roleOrDefault();
    }

    private static Agent existing(Agent agent, String id) {
        if (agent == null) {
            throw Problems.notFound("Agent", id);
        }
        return agent;
    }
}
