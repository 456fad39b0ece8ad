package io.switchboard.history.search;

import io.switchboard.kit.problem.Problems;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The orders a list of interactions may be asked in, as {@code field:asc|desc} (default direction desc). Only these
 * fields reach the SQL, each as a fixed expression, so a sort parameter can never inject anything.
 */
public record SortOrder(Field field, boolean descending) {

    public static final SortOrder NEWEST_FIRST = new SortOrder(Field.requestedAt, true);
    private static final String ASC = "asc";
    private static final String DESC = "desc";

    public enum Field {
        requestedAt("i.requested_at"),
        acceptedAt("i.accepted_at"),
        endedAt("i.ended_at"),
        doneAt("i.completed_at"),
        waitSeconds("(i.accepted_at - i.requested_at)"),
        handleSeconds("(i.completed_at - i.accepted_at)");

        final String expression;

        Field(String expression) {
            this.expression = expression;
        }
    }

    public static SortOrder parse(String value) {
        if (value == null || value.isBlank()) {
            return NEWEST_FIRST;
        }
        String[] parts = value.trim().split(":", 2);
        Field field = Arrays.stream(Field.values()).filter(f -> f.name().equals(parts[0])).findFirst()
                .orElseThrow(() -> Problems.badRequest("sort must be one of " + Arrays.stream(Field.values())
                        .map(Enum::name).collect(Collectors.joining(", ")) + ", optionally followed by :asc or :desc"));
        String direction = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : DESC;
        if (!direction.equals(ASC) && !direction.equals(DESC)) {
            throw Problems.badRequest("sort direction must be asc or desc");
        }
        return new SortOrder(field, direction.equals(DESC));
    }

    /** An ORDER BY clause; interactions without the value come last, the chat id keeps pages stable. */
    String sql() {
        String direction = descending ? "desc" : "asc";
        return field.expression + " " + direction + " nulls last, i.chat_id " + direction;
    }
}
