package io.switchboard.session.chat;

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
}
