package io.switchboard.transcript.domain;

import io.switchboard.events.ChatParticipant;

/** What a transcript line shows. */
public enum LineKind {
    /** Text typed by a participant or a standard response. */
    MESSAGE,
    /** A web page pushed by the agent; the line carries its url. */
    PAGE,
    /**
     * A file posted in the chat: the line carries its name as text and its download path
     * ({@code /api/chats/{chatId}/attachments/{id}}) as url, linked in the e-mail, never attached to it.
     */
    FILE,
    JOINED,
    LEFT,
    /** The agent handed the chat to someone else. */
    TRANSFERRED,
    ENDED,
    /**
     * A whisper between the chat's staff: only its position is kept (no author, no text), so the transcript is known
     * complete up to the end, and it is never shown or mailed.
     */
    WHISPER;

    /** Whether the line belongs in what the contact is sent. */
    public boolean forContact() {
        return this != WHISPER;
    }

    /** The notice a change of participants shows. */
    public static LineKind of(ChatParticipant event) {
        if (event.change() == null) {
            return event.joined() ? JOINED : LEFT;
        }
        return switch (event.change()) {
            case CONTACT_JOINED, AGENT_JOINED, CONFERENCE_JOINED -> JOINED;
            case LEFT, CONTACT_LEFT -> LEFT;
            case TRANSFERRED_AWAY -> TRANSFERRED;
        };
    }
}
