package io.switchboard.routing.agent;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A requested agent state; a reason goes with NOT_READY only ("break", "training"...). */
public record StateChange(
        @NotNull @Pattern(regexp = "READY|NOT_READY|AFTER_CHAT_WORK|LOGGED_OUT",
                message = "must be READY, NOT_READY, AFTER_CHAT_WORK or LOGGED_OUT") String state,
        @Size(max = MAX_REASON) String reason) {

    static final int MAX_REASON = 200;

    AgentState target() {
        return AgentState.valueOf(state);
    }
}
