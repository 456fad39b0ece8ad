package io.switchboard.history.view;

import io.switchboard.history.store.InteractionRow;

/** Where an interaction stands, derived from its timings so that it never depends on event order. */
public enum InteractionState {
    /** Requested, no agent yet. */
    WAITING,
    /** An agent accepted it; the conversation is going on. */
    ACTIVE,
    /** The conversation is over; wrap-up may follow. */
    ENDED,
    /** The agent clicked Mark Done. */
    DONE;

    public static InteractionState of(InteractionRow row) {
        if (row.completedAt != null) {
            return DONE;
        }
        if (row.endedAt != null) {
            return ENDED;
        }
        return row.acceptedAt != null ? ACTIVE : WAITING;
    }
}
