package io.switchboard.events;

/** Who changed a chat's attached data. */
public enum DataOrigin {
    /** Given with the chat request (the web page that opened the chat). */
    REQUEST,
    /** The agent who owns the chat, from the desktop. */
    AGENT,
    /** An integration (service token) or a supervisor, over REST. */
    INTEGRATION
}
