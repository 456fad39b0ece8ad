package io.switchboard.events;

/** What routing did with a chat; the {@code outcome} of {@link ChatRouted}. */
public enum RoutingOutcome {
    /** Entered a queue (again, after a transfer to a queue or an overflow); position and estimated wait given. */
    QUEUED,
    /** Offered to one agent until {@code expiresAt}. */
    OFFERED,
    /** The agent accepted the offer. */
    ACCEPTED,
    /** The agent rejected the offer; it goes to the next agent. */
    REJECTED,
    /** The offer was not answered in time; the agent was set NOT_READY and the chat goes to the next agent. */
    TIMED_OUT,
    /** Waited past the queue's maximum wait and moved to the overflow queue ({@code queue} is the new one). */
    OVERFLOWED,
    /** No agent was found in time and there is no overflow queue left: the request ends. */
    UNANSWERED,
    /** The contact left while waiting; the chat was taken out of its queue. */
    ABANDONED,
    /** A transfer or conference invitation could not be placed (target rejected, unknown or unavailable). */
    FAILED
}
