package io.switchboard.session.text;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which country a number written without a country code belongs to. The best witness first: the contact's own
 * numbers (a +33 number given means French numbers), then the country in the chat's language tag ({@code fr-BE}),
 * the country configured for the chat's queue, the usual country of the chat's language ({@code fr} → FR), and last
 * the default region.
 */
public final class PhoneRegions {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;
    private final Map<String, String> queueCountries;
    private final Map<String, String> languageCountries;

    public PhoneRegions(String defaultRegion, Map<String, String> queueCountries,
                        Map<String, String> languageCountries) {
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
        this.queueCountries = queueCountries;
        this.languageCountries = languageCountries;
    }

    /** What is known about a chat that tells its country. */
    public record Hints(List<String> contactNumbers, String language, String queue) {

        public static final Hints NONE = new Hints(List.of(), null, null);

        public Hints {
            contactNumbers = contactNumbers == null ? List.of() : contactNumbers;
        }
    }

    public String regionFor(Hints hints) {
        return fromNumbers(hints.contactNumbers())
                .or(() -> fromLanguageTag(hints.language()))
                .or(() -> known(hints.queue() == null ? null : queueCountries.get(hints.queue())))
                .or(() -> known(primaryLanguage(hints.language()) == null ? null
                        : languageCountries.get(primaryLanguage(hints.language()))))
                .orElse(defaultRegion);
    }

    /** The country of the first number written in international form, if any. */
    Optional<String> fromNumbers(List<String> numbers) {
        for (String number : numbers) {
            try {
                String region = util.getRegionCodeForNumber(util.parse(number, null));
                if (isRegion(region)) {
                    return Optional.of(region);
                }
            } catch (NumberParseException notInternational) {
                // A number without a country code says nothing about the country.
            }
        }
        return Optional.empty();
    }

    private Optional<String> fromLanguageTag(String language) {
        if (language == null || language.isBlank()) {
            return Optional.empty();
        }
        return known(Locale.forLanguageTag(language.strip()).getCountry());
    }

    private Optional<String> known(String region) {
        if (region == null) {
            return Optional.empty();
        }
        String upper = region.strip().toUpperCase(Locale.ROOT);
        return isRegion(upper) ? Optional.of(upper) : Optional.empty();
    }

    private boolean isRegion(String region) {
        return region != null && util.getSupportedRegions().contains(region);
    }

    private static String primaryLanguage(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        String primary = Locale.forLanguageTag(language.strip()).getLanguage();
        return primary.isEmpty() ? null : primary;
    }
}
