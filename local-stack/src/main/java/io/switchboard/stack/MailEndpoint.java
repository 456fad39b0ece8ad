package io.switchboard.stack;

/** Where the mail server answers: SMTP for the services to send, IMAP for tests to read mail back. */
public record MailEndpoint(String host, int smtpPort, int imapPort) {
}
