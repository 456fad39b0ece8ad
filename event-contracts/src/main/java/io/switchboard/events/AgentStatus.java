package io.switchboard.events;

/** An agent's routing state ({@link AgentStateChanged}); only READY agents with a free slot are offered chats. */
public enum AgentStatus {
    LOGGED_OUT, NOT_READY, READY, AFTER_CHAT_WORK
}
