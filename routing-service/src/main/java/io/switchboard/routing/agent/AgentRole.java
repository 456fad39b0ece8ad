package io.switchboard.routing.agent;

import java.util.Locale;

/** What an agent may be offered by name: a transfer or invitation "to a supervisor" only reaches supervisors. */
public enum AgentRole {
    AGENT, SUPERVISOR;

    /** The lower-case form used in the API and in tokens' groups. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AgentRole of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
