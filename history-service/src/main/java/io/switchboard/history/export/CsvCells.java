package io.switchboard.history.export;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes CSV cells (RFC 4180) that are safe to open in a spreadsheet: text starting with a formula character
 * (= + - @, tab, carriage return) is prefixed with a single quote so that it is shown, never evaluated (OWASP
 * "CSV injection"). Only text goes through {@link #text}; numbers and times are written as they are.
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final String NEEDS_QUOTES = ",\"\r\n";

    private CsvCells() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.chars().anyMatch(c -> NEEDS_QUOTES.indexOf(c) >= 0)
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    public static String value(Object value) {
        return value == null ? "" : value.toString();
    }

    public static String line(List<String> cells) {
        return cells.stream().collect(Collectors.joining(",", "", "\r\n"));
    }
}
