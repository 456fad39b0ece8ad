package io.switchboard.routing.dispatch;

/** Where a routing request stands. */
public enum RequestStatus {
    /** In its queue, waiting for an agent. */
    WAITING,
    /** Offered to one agent; back to WAITING if they reject or miss it. */
    OFFERED,
    /** Finished: see {@code outcome}. */
    DONE
}
