package io.switchboard.transcript.delivery;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Message-ID of a request's e-mail, derived from the request id alone, so that every attempt of one request
 * carries the same id: mail clients and the audit check recognise a copy by it.
 */
public final class MessageIds {

    /** A dot-atom that is safe in a header: request ids of this form are used as they are. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final int MAX_PLAIN_LENGTH = 100;

    private MessageIds() {
    }

    public static String of(String requestId, String domain) {
        String local = requestId.length() <= MAX_PLAIN_LENGTH && SAFE.matcher(requestId).matches() ? requestId
                : UUID.nameUUIDFromBytes(requestId.getBytes(StandardCharsets.UTF_8)).toString();
        return "<transcript." + local + "@" + domain + ">";
    }
}
