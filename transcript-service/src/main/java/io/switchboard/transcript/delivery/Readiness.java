package io.switchboard.transcript.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a request's chat can be mailed now. A transcript is complete once the chat ended and every position of
 * its timeline up to the end is in; lines travel on other topics than the end, so a short grace lets stragglers
 * arrive before what is in goes out.
 *
 * @param wakeAt when to look again, for {@link State#WAIT}
 * @param reason why the request is given up, for {@link State#GIVE_UP}
 */
public record Readiness(State state, Instant wakeAt, String reason) {

    public enum State { READY, WAIT, GIVE_UP }

    /** What the store knows of the chat when a request is examined. */
    public record ChatProgress(Long endSeq, Instant endReceivedAt, long linesUpToEnd, boolean contactKnown) {

        boolean ended() {
            return endSeq != null;
        }
    }

    public static Readiness of(ChatProgress chat, Instant requestedAt, Instant now, Duration waitForEnd,
                               Duration lateLinesGrace) {
        if (!chat.ended()) {
            Instant deadline = requestedAt.plus(waitForEnd);
            return now.isBefore(deadline) ? new Readiness(State.WAIT, deadline, null)
                    : giveUp("the chat did not end within " + waitForEnd);
        }
        if (chat.linesUpToEnd() >= chat.endSeq() && chat.contactKnown()) {
            return ready();
        }
        Instant graceEnd = chat.endReceivedAt().plus(lateLinesGrace);
        if (now.isBefore(graceEnd)) {
            return new Readiness(State.WAIT, graceEnd, null);
        }
        // Some lines never came: the contact still gets what is in rather than nothing.
        return chat.contactKnown() ? ready() : giveUp("no e-mail address is known for the contact of this chat");
    }

    private static Readiness ready() {
        return new Readiness(State.READY, null, null);
    }

    private static Readiness giveUp(String reason) {
        return new Readiness(State.GIVE_UP, null, reason);
    }
}
