package io.switchboard.session.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** The rules of a chat that operators may tune ({@code switchboard.session.*}). */
@ConfigMapping(prefix = "switchboard.session")
public interface SessionConfig {

    /** How long a contact token opens its chat. */
    Duration contactTokenLifetime();

    /** Longest message text, in bytes of UTF-8. */
    int maxMessageBytes();

    int maxPageUrlLength();

    /** Region for phone numbers written without a country code. */
    String phoneRegion();

    /** Language of the standard-response text used when the chat's language has none. */
    String defaultLanguage();

    /** Most timeline items returned by one REST page or one resume round. */
    int timelinePageMax();

    /**
     * Most bytes of frames waiting to be written to one socket. A client that reads slower than its chats go is
     * closed (close code 4408) when it is exceeded, instead of holding the server's memory; it reconnects and resumes.
     */
    long socketMaxQueuedBytes();

    /**
     * Most frames of one agent socket handled at once (each chat's frames still one after the other); the socket's
     * next frame is read when one of them finished. Bounds the database connections one desk can hold.
     */
    int socketMaxFramesInFlight();

    /** Most sockets one participant (an agent's desktops, a contact's tabs) may hold open on one instance. */
    int maxSocketsPerParticipant();

    /** Queue of a chat request that names none. */
    String defaultQueue();
}
