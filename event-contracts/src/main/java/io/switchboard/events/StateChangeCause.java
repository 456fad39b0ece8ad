package io.switchboard.events;

/** Who changed an agent's state ({@link AgentStateChanged}). */
public enum StateChangeCause {
    /** The agent, from the desktop. */
    AGENT,
    /** A supervisor, for the agent. */
    SUPERVISOR,
    /** Routing itself: a missed offer, a desktop gone past the grace period, after-chat work when a chat is done. */
    ROUTING
}
