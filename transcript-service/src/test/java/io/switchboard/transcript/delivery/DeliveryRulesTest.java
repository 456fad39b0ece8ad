package io.switchboard.transcript.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pure rules of delivery: readiness, back-off, recipient and Message-ID. */
class DeliveryRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-14T10:00:00Z");
    private static final Duration WAIT_FOR_END = Duration.ofDays(1);
    private static final Duration GRACE = Duration.ofMinutes(1);

    @Test
    void aRequestWaitsForTheEndThenForLateLinesThenSendsWhatIsIn() {
        Instant requested = NOW.minusSeconds(10);
        Readiness open = Readiness.of(new Readiness.ChatProgress(null, null, 3, true), requested, NOW,
                WAIT_FOR_END, GRACE);
        assertThat(open.state()).isEqualTo(Readiness.State.WAIT);
        assertThat(open.wakeAt()).isEqualTo(requested.plus(WAIT_FOR_END));

        Readiness gap = Readiness.of(new Readiness.ChatProgress(6L, NOW, 5, true), requested, NOW,
                WAIT_FOR_END, GRACE);
        assertThat(gap.state()).isEqualTo(Readiness.State.WAIT);
        assertThat(gap.wakeAt()).isEqualTo(NOW.plus(GRACE));

        assertThat(Readiness.of(new Readiness.ChatProgress(6L, NOW, 6, true), requested, NOW, WAIT_FOR_END,
                GRACE).state()).isEqualTo(Readiness.State.READY);
        assertThat(Readiness.of(new Readiness.ChatProgress(6L, NOW.minus(GRACE), 5, true), requested, NOW,
                WAIT_FOR_END, GRACE).state()).isEqualTo(Readiness.State.READY);
    }

    @Test
    void aRequestIsGivenUpWhenTheChatNeverEndsOrNoAddressIsKnown() {
        Readiness never = Readiness.of(new Readiness.ChatProgress(null, null, 3, true), NOW.minus(WAIT_FOR_END),
                NOW, WAIT_FOR_END, GRACE);
        assertThat(never.state()).isEqualTo(Readiness.State.GIVE_UP);
        assertThat(never.reason()).contains("did not end");

        Readiness nobody = Readiness.of(new Readiness.ChatProgress(2L, NOW.minus(GRACE), 2, false), NOW, NOW,
                WAIT_FOR_END, GRACE);
        assertThat(nobody.state()).isEqualTo(Readiness.State.GIVE_UP);
        assertThat(nobody.reason()).contains("no e-mail address");
    }

    @Test
    void backOffDoublesUpToItsCapAndStopsAfterTheRetryTime() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(24));
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(policy.delayAfter(6)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.exhausted(NOW.minus(Duration.ofHours(23)), NOW)).isFalse();
        assertThat(policy.exhausted(NOW.minus(Duration.ofHours(24)), NOW)).isTrue();
    }

    @Test
    void onlyOneBareAddressIsARecipient() {
        assertThat(Recipient.validate("jane.doe+chat@example.com")).contains("jane.doe+chat@example.com");
        assertThat(Recipient.validate("jane@example.com\r\nBcc: eve@example.com")).isEmpty();
        assertThat(Recipient.validate("jane@example.com\nSubject: hi")).isEmpty();
        assertThat(Recipient.validate("jane@example.com, eve@example.com")).isEmpty();
        assertThat(Recipient.validate("Jane <jane@example.com>")).isEmpty();
        assertThat(Recipient.validate("jane")).isEmpty();
        assertThat(Recipient.validate("")).isEmpty();
        assertThat(Recipient.validate(null)).isEmpty();
    }

    @Test
    void theMessageIdIsDerivedFromTheRequestIdAndSafeInAHeader() {
        assertThat(MessageIds.of("c1.completed", "example.com")).isEqualTo("<transcript.c1.completed@example.com>");
        assertThat(MessageIds.of("a>b\r\nX: y", "example.com"))
                .isEqualTo(MessageIds.of("a>b\r\nX: y", "example.com"))
                .matches("<transcript\\.[0-9a-f-]{36}@example\\.com>");
    }
}
