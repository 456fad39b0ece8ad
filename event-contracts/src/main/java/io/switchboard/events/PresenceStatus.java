package io.switchboard.events;

/** An agent's desktop presence ({@link AgentPresence}). */
public enum PresenceStatus {
    CONNECTED, DISCONNECTED
}
