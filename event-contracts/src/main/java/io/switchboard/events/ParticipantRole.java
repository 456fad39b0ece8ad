package io.switchboard.events;

/** Who a chat participant is. The server sets it from the caller's token, never from the request body. */
public enum ParticipantRole {
    CONTACT, AGENT, SUPERVISOR, SYSTEM
}
