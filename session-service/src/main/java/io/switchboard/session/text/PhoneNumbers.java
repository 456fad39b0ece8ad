package io.switchboard.session.text;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.switchboard.kit.problem.Problems;
import io.switchboard.session.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads phone numbers with Google's libphonenumber and writes them in E.164, the form telephony dials. A number
 * written without a country code is read in the chat's country ({@link PhoneRegions}); a number written with one in
 * the same text is the best witness of that country ("+1 202 555 0187 or the office 202-555-0199").
 */
@ApplicationScoped
public class PhoneNumbers {

    /** libphonenumber's "unknown region": only numbers written with a country code are read. */
    private static final String INTERNATIONAL_ONLY = "ZZ";

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final PhoneRegions regions;

    @Inject
    public PhoneNumbers(SessionConfig config) {
        this(new PhoneRegions(config.phoneRegion(), config.queueCountries(), config.languageCountries()));
    }

    public PhoneNumbers(PhoneRegions regions) {
        this.regions = regions;
    }

    /** True when the text has a digit: only then can it hold a number, and only then is the chat's country needed. */
    public static boolean mayHoldNumber(String text) {
        return text != null && text.chars().anyMatch(Character::isDigit);
    }

    /** The valid numbers found in free text, in order of appearance, without repeats. */
    public List<String> findIn(String text, PhoneRegions.Hints hints) {
        if (!mayHoldNumber(text)) {
            return List.of();
        }
        List<String> witnesses = new ArrayList<>();
        // In the unknown region only a number written with a plus sign is read: without one, no witness.
        if (hasPlusSign(text)) {
            for (PhoneNumberMatch match : util.findNumbers(text, INTERNATIONAL_ONLY)) {
                witnesses.add(util.format(match.number(), PhoneNumberFormat.E164));
            }
        }
        witnesses.addAll(hints.contactNumbers());
        String region = regions.regionFor(new PhoneRegions.Hints(witnesses, hints.language(), hints.queue()));
        Set<String> found = new LinkedHashSet<>();
        for (PhoneNumberMatch match : util.findNumbers(text, region)) {
            found.add(util.format(match.number(), PhoneNumberFormat.E164));
        }
        return List.copyOf(found);
    }

    /** The plus signs libphonenumber reads before a country code (ASCII and full-width). */
    private static boolean hasPlusSign(String text) {
        return text.indexOf('+') >= 0 || text.indexOf('\uFF0B') >= 0;
    }

    /** A number the caller typed as a number; anything that is not a valid number is a bad request. */
    public String normalize(String raw, PhoneRegions.Hints hints) {
        try {
            PhoneNumber number = util.parse(raw, regions.regionFor(hints));
            if (!util.isValidNumber(number)) {
                throw Problems.badRequest("'" + raw + "' is not a valid phone number.");
            }
            return util.format(number, PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw Problems.badRequest("'" + raw + "' is not a phone number: " + e.getMessage());
        }
    }
}
