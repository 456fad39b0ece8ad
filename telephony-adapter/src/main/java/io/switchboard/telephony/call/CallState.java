package io.switchboard.telephony.call;

import io.switchboard.events.TelephonyStatus;

/** Where a requested call stands in this adapter (the published {@link TelephonyStatus} plus two inner steps). */
public enum CallState {
    /** Waiting for its first attempt, or for the next one after a temporary failure ({@code next_attempt_at}). */
    REQUESTED(0, null),
    /**
     * An attempt was recorded and its click-to-call request is (or may be) under way. Never sent again: a request
     * left here by a crash waits for the PBX's callbacks and ends FAILED after the dialling timeout.
     */
    PLACING(0, null),
    DIALLING(1, TelephonyStatus.DIALLING),
    CONNECTED(2, TelephonyStatus.CONNECTED),
    FAILED(3, TelephonyStatus.FAILED),
    ENDED(3, TelephonyStatus.ENDED);

    private final int rank;
    private final TelephonyStatus published;

    CallState(int rank, TelephonyStatus published) {
        this.rank = rank;
        this.published = published;
    }

    /** The order of the statuses: a status of a lower rank than the call's is a step backwards. */
    public int rank() {
        return rank;
    }

    public boolean isFinal() {
        return this == FAILED || this == ENDED;
    }

    /** The status integrators see, null for the inner steps. */
    public TelephonyStatus published() {
        return published;
    }

    public static CallState of(TelephonyStatus status) {
        return valueOf(status.name());
    }
}
