package io.switchboard.events;

/** What a chat message carries. */
public enum MessageKind {
    /** Text typed by a participant. */
    TEXT,
    /** Text of a standard response, with its placeholders filled in. */
    STANDARD_RESPONSE,
    /** A web page pushed by the agent ("insert web page"); {@code url} is set and opens in the contact's browser. */
    PAGE_PUSH,
    /**
     * A file a participant uploaded; {@code attachment} is set (its id, name, type, size) and {@code text} is the
     * file's name, so that a reader that does not know this kind still shows something sensible.
     */
    FILE
}
