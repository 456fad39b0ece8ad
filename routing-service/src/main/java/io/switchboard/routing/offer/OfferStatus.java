package io.switchboard.routing.offer;

/** What became of an offer. */
public enum OfferStatus {
    OPEN, ACCEPTED, REJECTED, TIMED_OUT,
    /** The contact left, or the chat ended, while it was open. */
    CANCELLED
}
