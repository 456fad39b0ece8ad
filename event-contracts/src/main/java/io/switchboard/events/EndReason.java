package io.switchboard.events;

/** Why a chat ended. */
public enum EndReason {
    /** The agent clicked Finish. */
    AGENT_FINISHED,
    /** The contact left during the conversation. */
    CONTACT_LEFT,
    /** The contact left while still waiting in a queue. */
    ABANDONED,
    /** Routing found no agent in time and had no overflow queue left. */
    NO_AGENT_AVAILABLE
}
