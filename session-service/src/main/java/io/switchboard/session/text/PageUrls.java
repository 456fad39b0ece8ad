package io.switchboard.session.text;

import io.switchboard.kit.problem.Problems;
import io.switchboard.session.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the URL of a pushed web page. The contact's browser opens it, so only absolute http/https URLs with a host
 * pass; {@code javascript:}, {@code data:}, {@code file:} and credentials in the URL ({@code user@host}, a phishing
 * classic) are refused.
 */
@ApplicationScoped
public class PageUrls {

    private static final Set<String> ALLOWED_SCHEMES = Set.of("http", "https");

    private final int maxLength;

    public PageUrls(SessionConfig config) {
        this.maxLength = config.maxPageUrlLength();
    }

    /** The URL as given, once checked. */
    public String check(String raw) {
        String url = raw.strip();
        if (url.length() > maxLength) {
            throw Problems.badRequest("The page URL is longer than " + maxLength + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw Problems.badRequest("The page URL is not a valid URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!ALLOWED_SCHEMES.contains(scheme)) {
            throw Problems.badRequest("Only http and https pages can be pushed.");
        }
        if (uri.getRawUserInfo() != null) {
            throw Problems.badRequest("A pushed page URL must not carry a user name or password.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw Problems.badRequest("The page URL has no host.");
        }
        return url;
    }
}
