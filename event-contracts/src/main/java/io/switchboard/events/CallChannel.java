package io.switchboard.events;

/** How a call of a chat is carried. */
public enum CallChannel {
    /** Audio between the agent's and the contact's browsers (WebRTC), signalled over the chat sockets. */
    WEB,
    /** A phone call placed by the company's telephony through a telephony adapter ({@code chat.call.requested}). */
    PHONE
}
