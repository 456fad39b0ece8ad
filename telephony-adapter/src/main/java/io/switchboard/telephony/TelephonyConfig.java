package io.switchboard.telephony;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** telephony-adapter's own settings ({@code switchboard.telephony.*}; every one has an environment variable). */
@ConfigMapping(prefix = "switchboard.telephony")
public interface TelephonyConfig {

    /** The company PBX's click-to-call (originate) HTTP endpoint. */
    Pbx pbx();

    /** The status callbacks the PBX sends to {@code POST /api/telephony/calls/{requestId}/status}. */
    Webhook webhook();

    /** A call still DIALLING (or an attempt whose outcome was lost) this long is FAILED {@code no-answer}. */
    Duration diallingTimeout();

    /** A call CONNECTED this long without an end is ENDED {@code error} (a lost "ended" callback). */
    Duration maxCallDuration();

    /** How often calls are checked against those two timeouts. */
    Duration timeoutCheck();

    /** Finished calls (FAILED, ENDED) are deleted this long after their end: the numbers dialled are personal data. */
    Duration retention();

    /** How often requests waiting for a (first or next) attempt are looked for; the consumer also wakes it. */
    Duration dialPoll();

    interface Pbx {

        /**
         * URL template of the click-to-call request, with placeholders ({@code {phoneNumber}}, {@code {agentId}},
         * {@code {agentExtension}}, {@code {requestId}}, {@code {chatId}}, {@code {callbackUrl}}) URL-encoded.
         * Absent: no telephony configured, every request is answered FAILED {@code not-configured}.
         */
        Optional<String> url();

        /** HTTP method (POST, PUT, GET). */
        @WithDefault("POST")
        String method();

        /** Content type of the body. */
        @WithDefault("application/json")
        String contentType();

        /**
         * Body template, placeholders as in {@link #url()}: JSON-escaped for a JSON content type, URL-encoded for
         * {@code application/x-www-form-urlencoded}, as they are otherwise. Absent: no body.
         */
        Optional<String> body();

        /** How the adapter authenticates to the PBX. */
        @WithDefault("NONE")
        Auth auth();

        /** BASIC: the user name. */
        Optional<String> username();

        /** BASIC: the password. */
        Optional<String> password();

        /** BEARER: the token. */
        Optional<String> token();

        /** Further request headers (e.g. an API key header), sent as they are. */
        Map<String, String> headers();

        /** The agent's extension (or SIP user, or phone number) by agent id, for {@code {agentExtension}}. */
        Map<String, String> agentExtensions();

        /** The status webhook URL the PBX should call back, for {@code {callbackUrl}} (a template itself). */
        Optional<String> callbackUrl();

        /** One attempt (connect, send, response) takes at most this long. */
        Duration requestTimeout();

        /**
         * Click-to-call requests in flight at once per replica (and HTTP connections to the PBX): a burst of calls
         * is sent this many at a time, so no request waits for a connection and its timeout covers only the PBX.
         */
        @WithDefault("20")
        int maxConcurrentRequests();

        /** Attempts in all (1 = never retry) for timeouts, connection errors, 5xx and 429. */
        int maxAttempts();

        /** The wait after the first failed attempt; doubled after each further one, up to {@link #maxBackOff()}. */
        Duration initialBackOff();

        Duration maxBackOff();

        /** A {@code Retry-After} (429, 503) is waited for, but no longer than this. */
        Duration maxRetryAfter();

        /**
         * Whether a timed-out attempt is tried again. A PBX that received the request but answered too late may
         * then dial twice unless it honours the {@code Idempotency-Key} header (the request id) the adapter sends.
         */
        @WithDefault("true")
        boolean retryOnTimeout();

        /** JSON pointer (RFC 6901) of the PBX's call id in a 2xx response body, e.g. {@code /id} or {@code /sid}. */
        Optional<String> providerCallIdPointer();
    }

    enum Auth {
        NONE, BASIC, BEARER
    }

    interface Webhook {

        /**
         * The shared secret the PBX sends as {@code Authorization: Bearer <secret>} (or as the password of HTTP
         * Basic auth). Absent: every status callback is refused (401).
         */
        Optional<String> secret();
    }
}
