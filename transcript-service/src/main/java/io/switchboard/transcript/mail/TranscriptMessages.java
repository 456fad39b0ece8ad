package io.switchboard.transcript.mail;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the transcript e-mail, in English; other languages are in {@code messages/msg_<lang>.properties}
 * (one key per method). The templates use them as {@code {msg:heading}}.
 */
@MessageBundle(value = TranscriptMessages.NAME, locale = TranscriptMessages.DEFAULT_LANGUAGE)
public interface TranscriptMessages {

    String NAME = "msg";
    String DEFAULT_LANGUAGE = "en";

    @Message("{company}: transcript of your chat of {date}")
    String subject(String company, String date);

    @Message("Transcript of your chat")
    String heading();

    @Message("Hello {name},")
    String greeting(String name);

    @Message("Hello,")
    String greetingWithoutName();

    @Message("here is the transcript of your chat with {company}.")
    String intro(String company);

    @Message("Date")
    String dateLabel();

    @Message("Topic")
    String queueLabel();

    @Message("Subject")
    String subjectLabel();

    @Message("Times are in {zone}.")
    String timesIn(String zone);

    @Message("{name} joined the chat")
    String joined(String name);

    @Message("{name} left the chat")
    String left(String name);

    @Message("{name} transferred the chat")
    String transferred(String name);

    @Message("The chat ended")
    String ended();

    @Message("shared a page")
    String pageShared();

    @Message("shared a file, {name}")
    String fileShared(String name);

    @Message("This e-mail was sent automatically because a transcript of your chat was requested. Please do not reply.")
    String footer();

    @Message("{company}: we received your message")
    String acknowledgementSubject(String company);

    @Message("We received your message")
    String acknowledgementHeading();

    @Message("thank you for your message to {company}. We will answer you by e-mail as soon as we can. Here is what you wrote.")
    String acknowledgementIntro(String company);

    @Message("This e-mail was sent automatically because you left us a message. Please do not reply.")
    String acknowledgementFooter();
}
