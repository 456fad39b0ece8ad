package io.switchboard.events;

/**
 * A step in the life of a call ({@code chat.call.updated}). A web call goes RINGING → ANSWERED → ENDED, or RINGING →
 * DECLINED, or RINGING → ENDED (no answer, cancelled). A phone call goes REQUESTED → DIALLING → CONNECTED → ENDED, or
 * ends in FAILED from any step before CONNECTED.
 */
public enum CallState {
    /** Phone: the agent asked for the call; the telephony adapter has not answered yet. */
    REQUESTED,
    /** Web: the contact's widget rings. */
    RINGING,
    /** Web: the contact accepted; audio flows. */
    ANSWERED,
    /** Web: the contact declined. Final. */
    DECLINED,
    /** Phone: the telephony system accepted the request and dials. */
    DIALLING,
    /** Phone: the contact picked up and is connected to the agent. */
    CONNECTED,
    /** Phone: the call could not be placed or was not answered; {@code reason} says why. Final. */
    FAILED,
    /** Either: the call is over; {@code endedBy} and {@code durationSeconds} say by whom and how long it talked. Final. */
    ENDED;

    public boolean isFinal() {
        return this == DECLINED || this == FAILED || this == ENDED;
    }
}
