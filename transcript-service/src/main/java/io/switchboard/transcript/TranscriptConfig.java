package io.switchboard.transcript;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Everything about the transcript e-mail that an operator configures: branding, timing, the audit mailbox. */
@ConfigMapping(prefix = "switchboard.transcript")
public interface TranscriptConfig {

    /** One line of text: no CR or LF, so that nothing configured can add a header. */
    String SINGLE_LINE = "[^\\r\\n]+";
    String CSS_COLOUR = "#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}";

    Brand brand();

    Rendering rendering();

    Delivery delivery();

    Audit audit();

    interface Brand {
        /** Shown in the subject, the heading and the footer. */
        @Pattern(regexp = SINGLE_LINE)
        String companyName();

        @Pattern(regexp = CSS_COLOUR)
        String primaryColour();

        @Pattern(regexp = CSS_COLOUR)
        String backgroundColour();

        /** An https image shown above the heading; none when absent. */
        Optional<@Pattern(regexp = "https://[^\\s\"'<>]+") String> logoUrl();
    }

    interface Rendering {
        /** Times in the e-mail are shown in this zone (the contact's own zone is not known). */
        ZoneId timeZone();

        /** Languages the templates exist in; any other contact language gets the first one. */
        @WithDefault("en,fr")
        List<@NotBlank String> languages();

        /**
         * The address contacts reach Switchboard at (the gateway, e.g. {@code https://chat.example.com}): links to the
         * chat's files are made from it.
         */
        @Pattern(regexp = "https?://[^\\s\"'<>]+[^/\\s\"'<>]")
        String publicBaseUrl();

        /** Right-hand side of the Message-ID header. */
        @Pattern(regexp = "[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*")
        String messageIdDomain();
    }

    interface Delivery {
        /** How often the sender looks for due requests (it is also woken by new requests and chat ends). */
        Duration pollInterval();

        /** Requests claimed per run of the sender. */
        int batchSize();

        /**
         * How long a claimed request belongs to the instance that claimed it. Must exceed the SMTP timeout
         * (quarkus.mailer.timeout) and an audit check: after it, the request is in doubt and re-examined.
         */
        Duration lease();

        Duration initialBackOff();

        Duration maxBackOff();

        /** Retries stop this long after the first attempt; the request then fails. */
        Duration giveUpAfter();

        /** A request waits this long for the end of its chat, then fails. */
        Duration waitForEnd();

        /** After the end, this long for lines of other topics still on their way; then what is in goes out. */
        Duration lateLinesGrace();
    }

    /**
     * A mailbox that receives a blind copy of every transcript and is read over IMAP to tell whether an attempt
     * whose outcome was never recorded (a crash between the SMTP answer and the commit) actually went out.
     */
    interface Audit {
        Optional<@Pattern(regexp = SINGLE_LINE) String> address();

        Optional<String> imapHost();

        Optional<Integer> imapPort();

        Optional<String> imapUser();

        Optional<String> imapPassword();

        @WithDefault("false")
        boolean imapSsl();

        @WithDefault("INBOX")
        String folder();

        /** Connect and read timeout of one check. */
        @WithDefault("10s")
        Duration timeout();
    }
}
