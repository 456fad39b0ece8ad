package io.switchboard.transcript.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.switchboard.transcript.TranscriptConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Hands a rendered transcript to the SMTP server (Quarkus Mailer); blocks until the server answered. */
@ApplicationScoped
public class TranscriptMailer {

    /** RFC 3834: tells auto-responders (out-of-office replies) not to answer. */
    private static final String AUTO_SUBMITTED = "Auto-Submitted";

    private final Mailer mailer;
    private final Optional<String> auditAddress;

    public TranscriptMailer(Mailer mailer, TranscriptConfig settings) {
        this.mailer = mailer;
        this.auditAddress = settings.audit().address();
    }

    /**
     * @param recipient a validated single address
     * @param messageId the request's Message-ID, the same on every attempt
     */
    public void send(String recipient, String messageId, RenderedMail rendered) {
        Mail mail = new Mail()
                .setTo(List.of(HeaderValues.singleLine(recipient)))
                .setSubject(HeaderValues.singleLine(rendered.subject()))
                .setText(rendered.text())
                .setHtml(rendered.html())
                .addHeader("Message-ID", HeaderValues.singleLine(messageId))
                .addHeader(AUTO_SUBMITTED, "auto-generated");
        // A blind copy: the contact does not see it; the audit check looks for it after a crash mid-send.
        auditAddress.ifPresent(address -> mail.setBcc(List.of(address)));
        mailer.send(mail);
    }
}
