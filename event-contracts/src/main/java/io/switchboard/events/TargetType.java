package io.switchboard.events;

/** Where a transfer or a conference invitation goes. */
public enum TargetType {
    QUEUE, AGENT, SUPERVISOR
}
