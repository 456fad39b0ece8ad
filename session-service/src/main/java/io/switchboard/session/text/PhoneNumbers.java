package io.switchboard.session.text;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.switchboard.kit.problem.Problems;
import io.switchboard.session.config.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads phone numbers with Google's libphonenumber and writes them in E.164, the form telephony dials. */
@ApplicationScoped
public class PhoneNumbers {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String region;

    public PhoneNumbers(SessionConfig config) {
        this.region = config.phoneRegion();
    }

    /** The valid numbers found in free text, in order of appearance, without repeats. */
    public List<String> findIn(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        for (PhoneNumberMatch match : util.findNumbers(text, region)) {
            found.add(util.format(match.number(), PhoneNumberFormat.E164));
        }
        return List.copyOf(found);
    }

    /** A number the caller typed as a number; anything that is not a valid number is a bad request. */
    public String normalize(String raw) {
        try {
            PhoneNumber number = util.parse(raw, region);
            if (!util.isValidNumber(number)) {
                throw Problems.badRequest("'" + raw + "' is not a valid phone number.");
            }
            return util.format(number, PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw Problems.badRequest("'" + raw + "' is not a phone number: " + e.getMessage());
        }
    }
}
