package io.switchboard.workflow.item;

import java.util.List;

/** Where a finished interaction is in the workflow. */
public enum ItemState {
    /** Parked in a queue, waiting for a worker. */
    WAITING,
    /** A worker took it and is working on it. */
    CLAIMED,
    /** A worker finished it with an outcome. */
    COMPLETED,
    /** The agent chose Stop at Mark Done: it never entered a queue. */
    STOPPED;

    /** Items still in a queue. */
    static final List<ItemState> OPEN = List.of(WAITING, CLAIMED);
}
