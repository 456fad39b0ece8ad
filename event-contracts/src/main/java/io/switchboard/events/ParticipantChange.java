package io.switchboard.events;

/** Why someone joined or left a chat. */
public enum ParticipantChange {
    /** The contact, when the chat was requested. */
    CONTACT_JOINED,
    /** An agent who accepted the chat from the queue, or a transfer. */
    AGENT_JOINED,
    /** An agent or supervisor who accepted a conference invitation. */
    CONFERENCE_JOINED,
    /** A conference participant who left; the chat goes on. */
    LEFT,
    /** The agent who transferred the chat away, once the new agent accepted. */
    TRANSFERRED_AWAY,
    /** The contact closed the chat window. */
    CONTACT_LEFT
}
