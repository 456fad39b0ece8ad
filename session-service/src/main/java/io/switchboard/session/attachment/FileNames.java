package io.switchboard.session.attachment;

import java.text.Normalizer;
import java.util.List;

/**
 * Makes an uploaded file's name safe to store, show and offer for download: no path, no control or direction-changing
 * characters, none of the characters file systems refuse, and an extension that matches what the bytes are (so that a
 * PNG named {@code invoice.html} is saved as {@code invoice.html.png} and never opened as a page).
 */
final class FileNames {

    private static final String FALLBACK = "file";
    private static final String FORBIDDEN = "\"*/:<>?\\|";

    private FileNames() {
    }

    static String safe(String uploaded, String contentType, int maxLength) {
        String name = uploaded == null ? "" : Normalizer.normalize(uploaded, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                return;
            }
            kept.appendCodePoint(Character.isWhitespace(c) || FORBIDDEN.indexOf(c) >= 0 ? ' ' : c);
        });
        name = kept.toString().replaceAll(" {2,}", " ").strip();
        // Leading dots make hidden files, trailing dots and spaces are dropped by some systems.
        name = name.replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
        List<String> extensions = ContentTypes.EXTENSIONS.getOrDefault(contentType, List.of());
        String extension = ContentTypes.extension(name);
        String base = name;
        if (extensions.contains(extension)) {
            base = name.substring(0, name.length() - extension.length() - 1);
        } else {
            extension = extensions.isEmpty() ? "" : extensions.get(0);
        }
        if (base.isBlank()) {
            base = FALLBACK;
        }
        String suffix = extension.isEmpty() ? "" : "." + extension;
        int room = Math.max(1, maxLength - suffix.length());
        if (base.codePointCount(0, base.length()) > room) {
            base = base.substring(0, base.offsetByCodePoints(0, room)).strip();
        }
        return base + suffix;
    }
}
