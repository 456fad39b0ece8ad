package io.switchboard.session.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.kit.problem.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which country a number written without a country code is read in: pure logic, no service needed. */
class PhoneNumbersTest {

    private final PhoneRegions regions = new PhoneRegions("US", Map.of("support-be", "BE"),
            Map.of("fr", "FR", "de", "DE"));
    private final PhoneNumbers numbers = new PhoneNumbers(regions);

    @Test
    void aFrenchChatReadsFrenchNumbers() {
        assertThat(numbers.findIn("appelez-moi au 06 12 34 56 78",
                new PhoneRegions.Hints(List.of(), "fr", "general"))).containsExactly("+33612345678");
    }

    @Test
    void theContactsOwnNumberTellsTheCountryBeforeTheLanguage() {
        var hints = new PhoneRegions.Hints(List.of("+33 1 42 68 53 00"), "en", "general");
        assertThat(regions.regionFor(hints)).isEqualTo("FR");
        assertThat(numbers.findIn("call me on 06 12 34 56 78", hints)).containsExactly("+33612345678");
        assertThat(numbers.normalize("06 12 34 56 78", hints)).isEqualTo("+33612345678");
    }

    @Test
    void aNumberWithCountryCodeInTheSameTextTellsTheCountryOfTheOthers() {
        var hints = new PhoneRegions.Hints(List.of("+442079460958"), "en", "general");
        assertThat(numbers.findIn("Call me on +1 (202) 555-0187 or at the office 202-555-0199", hints))
                .containsExactly("+12025550187", "+12025550199");
        // The same with a full-width plus sign, as Japanese and Chinese keyboards type it: a French chat, read in
        // the country of the number written with its code.
        assertThat(numbers.findIn("\uFF0B1 202 555 0187, ou le bureau 202-555-0199",
                new PhoneRegions.Hints(List.of(), "fr", "general"))).containsExactly("+12025550187", "+12025550199");
    }

    @Test
    void theLanguageTagsCountryThenTheQueueThenTheLanguageThenTheDefault() {
        assertThat(regions.regionFor(new PhoneRegions.Hints(List.of(), "fr-CA", "support-be"))).isEqualTo("CA");
        assertThat(regions.regionFor(new PhoneRegions.Hints(List.of(), "fr", "support-be"))).isEqualTo("BE");
        assertThat(regions.regionFor(new PhoneRegions.Hints(List.of(), "de", "general"))).isEqualTo("DE");
        assertThat(regions.regionFor(new PhoneRegions.Hints(List.of(), "en", "general"))).isEqualTo("US");
        assertThat(regions.regionFor(PhoneRegions.Hints.NONE)).isEqualTo("US");
        // A number without a country code, or nonsense, is no witness.
        assertThat(regions.regionFor(new PhoneRegions.Hints(List.of("0612345678", "x"), "de", null)))
                .isEqualTo("DE");
    }

    @Test
    void textWithoutDigitsHoldsNoNumberAndBadNumbersAreRefused() {
        assertThat(PhoneNumbers.mayHoldNumber("no numbers here")).isFalse();
        assertThat(numbers.findIn("no numbers here", PhoneRegions.Hints.NONE)).isEmpty();
        assertThatThrownBy(() -> numbers.normalize("12", PhoneRegions.Hints.NONE))
                .isInstanceOf(ProblemException.class);
    }
}
