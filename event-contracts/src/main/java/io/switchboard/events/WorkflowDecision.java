package io.switchboard.events;

/** The agent's answer to the workflow window at Mark Done. */
public enum WorkflowDecision {
    /** No workflow strategy applies to this chat. */
    NONE,
    /** OK: park the interaction in the chosen workflow queue. */
    PARK,
    /** Stop: take the interaction out of the workflow. */
    STOP
}
