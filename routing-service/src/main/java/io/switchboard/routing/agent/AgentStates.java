package io.switchboard.routing.agent;

import io.switchboard.kit.problem.Problems;

/** Which state changes make sense. Staying in the same state is allowed (a repeated click changes nothing). */
final class AgentStates {

    private AgentStates() {
    }

    static void check(Agent agent, AgentState target, String reason) {
        if (reason != null && !reason.isBlank() && target != AgentState.NOT_READY) {
            throw Problems.badRequest("A reason goes with NOT_READY only, not with " + target + ".");
        }
        if (target == AgentState.AFTER_CHAT_WORK && agent.state == AgentState.LOGGED_OUT) {
            throw Problems.conflict("invalid-state-change", "State change not possible",
                    agent.name + " is logged out and has no chat to wrap up; log in (READY or NOT_READY) first.");
        }
        if (target == AgentState.LOGGED_OUT && agent.workload > 0) {
            throw Problems.conflict("invalid-state-change", "State change not possible",
                    agent.name + " still holds or is offered " + agent.workload
                            + " chat(s); finish them (Mark Done) before logging out.");
        }
    }
}
