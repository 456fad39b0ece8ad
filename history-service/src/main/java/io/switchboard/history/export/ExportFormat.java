package io.switchboard.history.export;

import io.switchboard.kit.problem.Problems;
import java.util.Arrays;
import java.util.Locale;

/** The formats of an export, with their media type. */
public enum ExportFormat {
    /** One interaction in full per line, as JSON. */
    JSONL("application/x-ndjson", "jsonl"),
    /** One interaction per row, the main facts only. */
    CSV("text/csv", "csv");

    public final String mediaType;
    public final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public static ExportFormat parse(String value) {
        String name = value == null ? JSONL.extension : value.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extension.equals(name)).findFirst()
                .orElseThrow(() -> Problems.badRequest("format must be jsonl or csv"));
    }
}
