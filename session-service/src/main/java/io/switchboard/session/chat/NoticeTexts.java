package io.switchboard.session.chat;

import io.switchboard.events.CallChannel;
import io.switchboard.events.EndReason;

/** The sentences of notices, in English; front ends may translate from the notice kind and names instead. */
final class NoticeTexts {

    private NoticeTexts() {
    }

    static String joined(String name) {
        return name + " joined";
    }

    static String left(String name) {
        return name + " left";
    }

    static String transferred(String from, String to) {
        return from + " transferred the chat to " + to;
    }

    static String ended(EndReason reason, String byName) {
        return switch (reason) {
            case AGENT_FINISHED -> byName + " ended the chat";
            case CONTACT_LEFT -> byName + " left; the chat has ended";
            case ABANDONED -> "The chat was abandoned before an agent joined";
            case NO_AGENT_AVAILABLE -> "No agent is available right now; the chat has ended";
        };
    }

    /** The sentence of a CALL notice; front ends word it themselves from the item's call fields. */
    static String call(Timeline.CallStep step) {
        String by = step.byName() == null ? "" : step.byName();
        boolean web = step.channel() == CallChannel.WEB;
        String call = web ? "voice call" : "phone call";
        return switch (step.state()) {
            case REQUESTED -> by + " asked for a phone call to " + step.number();
            case RINGING -> by + " started a voice call";
            case ANSWERED -> by + " answered the voice call";
            case DECLINED -> by + " declined the voice call";
            case DIALLING -> "Dialling " + step.number();
            case CONNECTED -> "The phone call is connected";
            case FAILED -> "The phone call could not be made"
                    + (step.reason() == null ? "" : " (" + step.reason() + ")");
            case ENDED -> ended(call, step);
        };
    }

    private static String ended(String call, Timeline.CallStep step) {
        long seconds = step.durationSeconds() == null ? 0 : step.durationSeconds();
        if (seconds > 0) {
            return "The " + call + " ended after " + duration(seconds);
        }
        if ("no-answer".equals(step.reason())) {
            return "The " + call + " was not answered";
        }
        if ("cancelled".equals(step.reason()) && step.byName() != null) {
            return step.byName() + " cancelled the " + call;
        }
        return "The " + call + " ended";
    }

    /** "2 min 5 s", "45 s", "1 h 0 min 3 s". */
    static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (h > 0) {
            return h + " h " + m + " min " + s + " s";
        }
        return m > 0 ? m + " min " + s + " s" : s + " s";
    }
}
