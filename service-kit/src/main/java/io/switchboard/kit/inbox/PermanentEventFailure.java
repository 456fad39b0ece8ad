package io.switchboard.kit.inbox;

/**
 * An event that is valid but can never be applied (it refers to something that does not exist, say). It is not
 * retried; it goes to the dead-letter topic with this message as the reason.
 */
public class PermanentEventFailure extends RuntimeException {

    public PermanentEventFailure(String message) {
        super(message);
    }
}
