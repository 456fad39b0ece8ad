package io.switchboard.transcript.domain;

/** Who asked for a transcript e-mail, or which other e-mail to the contact it is. */
public enum RequestOrigin {
    /** The "send transcript" box at Mark Done (chat.completed). */
    COMPLETED,
    /** "Send now" by the agent (transcript.requested). */
    SEND_NOW,
    /** A supervisor's resend through this service's API. */
    RESEND,
    /** The acknowledgement of a message the contact left (contact.message.left): it quotes the message. */
    ACKNOWLEDGEMENT
}
