package io.switchboard.transcript.mail;

import java.util.List;

/**
 * The data of the templates, already formatted for the contact's language and time zone. Every string is shown
 * as text: the HTML template escapes it.
 *
 * @param language the language tag the e-mail is written in
 * @param queue   null when unknown (then not shown)
 * @param subject the subject the contact gave for the chat, null when none
 * @param acknowledgement the acknowledgement of a message the contact left: other words around the same layout
 */
public record TranscriptView(Brand brand, String language, String contactName, String date, String queue, String subject,
                             String timeZone, List<LineView> lines, boolean acknowledgement) {

    public record Brand(String companyName, String primaryColour, String backgroundColour, String logoUrl) {
    }

    /**
     * @param notice true for joins, leaves, transfers and the end: {@code text} is then the whole sentence
     * @param url    an http(s) page pushed by the agent, shown as a link; null otherwise
     */
    public record LineView(String time, String author, String text, String url, boolean notice) {
    }
}
