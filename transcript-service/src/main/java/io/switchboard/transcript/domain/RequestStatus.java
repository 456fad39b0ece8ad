package io.switchboard.transcript.domain;

/** Where a transcript request is on its way to the contact's mailbox. */
public enum RequestStatus {
    /** Waiting for the end of the chat, for its first attempt, or for the next retry. */
    PENDING,
    /** Claimed by one instance, which is talking to the SMTP server (or checking the audit mailbox). */
    SENDING,
    /** Accepted by the SMTP server; never sent again. */
    SENT,
    /** Given up; transcript.failed says why. */
    FAILED
}
