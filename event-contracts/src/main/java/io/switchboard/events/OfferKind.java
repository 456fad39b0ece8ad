package io.switchboard.events;

/** Why an agent is offered a chat. */
public enum OfferKind {
    /** A new chat from the queue. */
    CHAT,
    /** A chat transferred from another agent, who leaves when this offer is accepted. */
    TRANSFER,
    /** An invitation to join a chat that stays with its agent. */
    CONFERENCE
}
