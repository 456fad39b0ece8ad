package io.switchboard.events;

/** What a telephony adapter reports about a requested phone call ({@code telephony.call.status}). */
public enum TelephonyStatus {
    /** The telephony system accepted the request and dials the number. */
    DIALLING,
    /** The contact answered and is connected to the agent's phone. */
    CONNECTED,
    /** The call could not be placed or was not answered. Final. */
    FAILED,
    /** The connected call is over. Final. */
    ENDED
}
