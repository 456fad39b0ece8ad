package io.switchboard.transcript.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The contact's address as it may go into a To header: exactly one bare address, no display name, no control
 * characters. Anything else (a second address, CR/LF meant to add headers) is refused, not repaired.
 */
public final class Recipient {

    /** RFC 5321 limit of a forward path. */
    private static final int MAX_LENGTH = 254;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private Recipient() {
    }

    public static Optional<String> validate(String email) {
        if (email == null || email.isBlank() || email.length() > MAX_LENGTH || CONTROL.matcher(email).find()) {
            return Optional.empty();
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(email, true);
            if (parsed.length != 1 || parsed[0].getPersonal() != null || parsed[0].isGroup()) {
                return Optional.empty();
            }
            InternetAddress address = parsed[0];
            address.validate();
            String bare = address.getAddress();
            return bare.equals(email.strip()) && bare.indexOf('@') > 0 ? Optional.of(bare) : Optional.empty();
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
