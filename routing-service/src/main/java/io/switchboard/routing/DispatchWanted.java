package io.switchboard.routing;

/**
 * The signal that a commit may have made an offer possible (an agent became ready or freed capacity, a queue changed,
 * an offer was answered, events were applied). Fire it as a CDI event after the commit; the dispatcher observes it
 * and routes in the background, so features signal routing without depending on it. Cheap to fire often: rounds
 * coalesce.
 */
public record DispatchWanted() {

    public static final DispatchWanted NOW = new DispatchWanted();
}
