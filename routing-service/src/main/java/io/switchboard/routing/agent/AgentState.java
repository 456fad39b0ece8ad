package io.switchboard.routing.agent;

/** Whether an agent can be offered chats. Only READY agents with free capacity are. */
public enum AgentState {
    LOGGED_OUT, NOT_READY, READY, AFTER_CHAT_WORK
}
