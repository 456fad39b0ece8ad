package io.switchboard.session;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules of a chat that operators may tune ({@code switchboard.session.*}). */
@ConfigMapping(prefix = "switchboard.session")
public interface SessionConfig {

    /** How long a contact token opens its chat. */
    Duration contactTokenLifetime();

    /** Longest message text, in bytes of UTF-8. */
    int maxMessageBytes();

    int maxPageUrlLength();

    /**
     * Region for phone numbers written without a country code when nothing about the chat tells its country
     * (see {@link io.switchboard.session.text.PhoneRegions}).
     */
    String phoneRegion();

    /** Country (ISO 3166 two letters) of a queue's contacts, by queue name: their numbers are read in it. */
    Map<String, String> queueCountries();

    /** Usual country of a language written without one ({@code fr} → FR), by ISO 639 language code. */
    Map<String, String> languageCountries();

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

    /**
     * How long a failed transfer or conference invitation is told again to its requester's desk when one of its
     * agent sockets opens (a desk away or reconnecting when the failure came would otherwise never hear of it).
     */
    Duration failedRequestReplay();

    /** Desktop presence: which agents have an agent socket open on some instance ({@code agent.presence}). */
    Presence presence();

    interface Presence {

        /** How often each instance tells the others it is alive (and retries presence changes that failed). */
        Duration heartbeatInterval();

        /**
         * An instance whose heartbeat is older than this is dead: its sockets stop counting and the agents who had no
         * other desktop become DISCONNECTED. Several heartbeat intervals, so that a slow moment is not a death.
         */
        Duration instanceTimeout();

        /** Most agents one transaction lets go of when a dead instance is cleared. */
        int sweepBatchSize();
    }

    /** Limits of a chat's attached data (docs/session-service.md, attached data). */
    AttachedData attachedData();

    interface AttachedData {

        /** Most keys one chat holds. */
        int maxKeys();

        /** Longest key, in characters. */
        int maxKeyLength();

        /** Longest string value, in characters (numbers and booleans are small by nature). */
        int maxValueLength();
    }

    /** The post-chat satisfaction survey (docs/session-service.md, satisfaction survey). */
    Survey survey();

    /** Messages contacts leave instead of chatting (docs/session-service.md, messages left). */
    OfflineMessages offlineMessages();

    interface OfflineMessages {

        /** Longest message text, in characters. */
        int maxTextLength();
    }

    /** Files participants upload into a chat (docs/session-service.md, attachments). */
    Attachments attachments();

    interface Attachments {

        /** Largest file, in bytes; larger uploads are refused with 413. */
        long maxBytes();

        /**
         * Bytes a multipart upload may carry beyond its file (boundaries, part headers, the clientMessageId field): a
         * request whose Content-Length exceeds {@code maxBytes} plus this is refused before its body is read.
         */
        long maxFormOverheadBytes();

        /** Longest file name kept, in characters (a longer one is cut, its extension kept). */
        int maxNameLength();

        /**
         * The content types accepted, as read from the bytes: among {@code image/png}, {@code image/jpeg},
         * {@code image/gif}, {@code image/webp}, {@code application/pdf} and {@code text/plain} (the types the
         * service recognises; markup such as HTML or SVG never is).
         */
        List<String> allowedTypes();

        /** The allowed types a browser may show in the page ({@code Content-Disposition: inline}); others download. */
        List<String> inlineTypes();

        /** Where the bytes are kept. */
        Storage storage();

        interface Storage {

            /** {@code directory}: files under {@link #directory()}, which every replica must share. */
            String kind();

            /** The directory of the {@code directory} store (created when missing). */
            String directory();
        }

        /** The virus-scan hook run on every upload before it is kept. */
        Scanner scanner();

        interface Scanner {

            /** {@code none} (nothing scanned) or {@code clamav} (clamd's INSTREAM over TCP). */
            String kind();

            /** clamd's address ({@code clamav} only). */
            String host();

            int port();

            /** Connecting plus scanning one file; past it the upload is refused with 503 and nothing kept. */
            Duration timeout();

            /** Bytes per INSTREAM chunk; below clamd's StreamMaxLength. */
            int chunkBytes();
        }
    }

    /** Calls of a chat: web calls between browsers and the phone calls' log (docs/session-service.md, calls). */
    Call call();

    interface Call {

        /** How long a web call rings on the contact's side before it ends with {@code no-answer}. */
        Duration ringTimeout();

        /** How often each instance looks for web calls that rang too long (the ring timeout's precision). */
        Duration ringCheckInterval();

        /** Most calls one look ends (the rest wait for the next look). */
        int ringCheckBatchSize();

        /**
         * Largest {@code signal} of a {@code call-signal} frame, in bytes of its JSON. An SDP offer of an audio call is
         * a few kilobytes; anything much larger is not signalling.
         */
        int maxSignalBytes();

        /**
         * STUN and TURN servers the browsers use to connect their audio ({@code RTCIceServer}); none by default: on
         * one machine or one network the browsers find each other without.
         */
        Optional<List<IceServer>> iceServers();

        interface IceServer {

            /** {@code stun:host:port}, {@code turn:host:port?transport=udp}, {@code turns:...}. */
            List<String> urls();

            Optional<String> username();

            Optional<String> credential();
        }
    }

    interface Survey {

        /**
         * The queues whose contacts are asked for a score after the chat (the chat's queue when it ended); none when
         * empty ({@code SURVEY_QUEUES}, comma separated).
         */
        Optional<List<String>> queues();

        /** Longest comment, in characters. */
        int maxCommentLength();

        default boolean offeredIn(String queue) {
            return queue != null && queues().map(q -> q.contains(queue)).orElse(false);
        }
    }
}
