package io.switchboard.transcript.mail;

/** Guards values that end up in mail headers. */
public final class HeaderValues {

    private HeaderValues() {
    }

    /** The value itself, if it has no CR, LF or other control character that could start a new header. */
    public static String singleLine(String value) {
        if (value == null || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a header value must be one line of text");
        }
        return value;
    }
}
