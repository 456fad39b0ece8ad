package io.switchboard.session.domain;

/** What a notice in the timeline tells everyone; a CALL notice is a step of a call of the chat (web or phone). */
public enum Notice {
    JOINED, LEFT, TRANSFERRED, ENDED, CALL
}
