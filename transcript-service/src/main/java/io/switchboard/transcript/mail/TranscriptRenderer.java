package io.switchboard.transcript.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.switchboard.transcript.TranscriptConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders a transcript (or the acknowledgement of a message the contact left, which quotes it) as an e-mail in the contact's language (or the first configured one), from the Qute
 * templates {@code templates/transcript/html.html} and {@code text.txt}.
 */
@ApplicationScoped
public class TranscriptRenderer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https");

    @CheckedTemplate(basePath = "transcript")
    static class Templates {
        static native TemplateInstance html(TranscriptView transcript);

        static native TemplateInstance text(TranscriptView transcript);
    }

    private final TranscriptConfig settings;
    private final ZoneId zone;

    public TranscriptRenderer(TranscriptConfig settings) {
        this.settings = settings;
        this.zone = settings.rendering().timeZone();
    }

    public RenderedMail render(TranscriptContent content) {
        Locale locale = locale(content.language());
        TranscriptMessages words = words(locale);
        TranscriptConfig.Brand brand = settings.brand();
        String date = content.startedAt() == null ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                        .format(content.startedAt().atZone(zone));
        TranscriptView view = new TranscriptView(
                new TranscriptView.Brand(brand.companyName(), brand.primaryColour(), brand.backgroundColour(),
                        brand.logoUrl().orElse(null)),
                locale.toLanguageTag(), blankToNull(content.contactName()), date, blankToNull(content.queue()),
                blankToNull(content.subject()), zone.getId(),
                content.lines().stream().map(line -> view(line, words)).toList(), content.acknowledgement());
        String subject = HeaderValues.singleLine(content.acknowledgement()
                ? words.acknowledgementSubject(brand.companyName()) : words.subject(brand.companyName(), date));
        return new RenderedMail(subject,
                Templates.text(view).setLocale(locale).render(),
                Templates.html(view).setLocale(locale).render());
    }

    /** The contact's language if a template exists for it, else the first configured language. */
    Locale locale(String languageTag) {
        List<String> languages = settings.rendering().languages();
        String language = languageTag == null ? "" : Locale.forLanguageTag(languageTag.strip()).getLanguage();
        return Locale.forLanguageTag(languages.contains(language) ? language : languages.get(0));
    }

    private static TranscriptMessages words(Locale locale) {
        return TranscriptMessages.DEFAULT_LANGUAGE.equals(locale.getLanguage())
                ? MessageBundles.get(TranscriptMessages.class)
                : MessageBundles.get(TranscriptMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    private TranscriptView.LineView view(TranscriptContent.Line line, TranscriptMessages words) {
        String time = TIME.format(line.at().atZone(zone));
        String author = line.authorName() == null ? "" : line.authorName();
        return switch (line.kind()) {
            case MESSAGE -> new TranscriptView.LineView(time, author, nullToEmpty(line.text()), null, false);
            case PAGE -> page(time, author, line, words);
            case FILE -> file(time, author, line, words);
            case JOINED -> notice(time, words.joined(author));
            case LEFT -> notice(time, words.left(author));
            case TRANSFERRED -> notice(time, words.transferred(author));
            case ENDED -> notice(time, words.ended());
            // Left out before rendering (DeliveryLedger): a whisper reaching here is a bug, not a line to show.
            case WHISPER -> throw new IllegalArgumentException("a whisper is never part of a transcript");
        };
    }

    /** A pushed page is a link only for http(s); anything else is shown as plain text and never clickable. */
    private static TranscriptView.LineView page(String time, String author, TranscriptContent.Line line,
                                                TranscriptMessages words) {
        String url = line.url();
        String text = line.text() == null || line.text().isBlank() ? words.pageShared() : line.text();
        if (isLink(url)) {
            return new TranscriptView.LineView(time, author, text, url, false);
        }
        return new TranscriptView.LineView(time, author, url == null ? text : text + " " + url, null, false);
    }

    /** A file: its name and a link to its download at the public address (the bytes are never in the mail). */
    private TranscriptView.LineView file(String time, String author, TranscriptContent.Line line,
                                         TranscriptMessages words) {
        String text = words.fileShared(nullToEmpty(line.text()));
        String url = line.url() == null ? null : settings.rendering().publicBaseUrl() + line.url();
        return isLink(url) ? new TranscriptView.LineView(time, author, text, url, false)
                : new TranscriptView.LineView(time, author, text, null, false);
    }

    private static TranscriptView.LineView notice(String time, String sentence) {
        return new TranscriptView.LineView(time, null, sentence, null, true);
    }

    static boolean isLink(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && LINK_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
