package io.switchboard.session.domain;

/** What a notice in the timeline tells everyone. */
public enum Notice {
    JOINED, LEFT, TRANSFERRED, ENDED
}
