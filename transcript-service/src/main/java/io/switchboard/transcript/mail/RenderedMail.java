package io.switchboard.transcript.mail;

/** A transcript e-mail ready to send: one-line subject, plain-text part, HTML part. */
public record RenderedMail(String subject, String text, String html) {
}
