package io.switchboard.session.data;

import io.switchboard.events.ChatDataChanged;
import io.switchboard.kit.problem.Problems;
import io.switchboard.session.SessionConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rules of attached data, pure logic: keys are names ({@link #KEY}), values strings, numbers or booleans, within
 * the configured limits. Every refusal is a 400 naming the field ({@code data} or {@code data.<key>}).
 */
public final class AttachedData {

    /** A key: a letter, then letters, digits, '_', '-' or '.' (so it can be a placeholder: {data.orderNumber}). */
    public static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    public static final String FIELD = "data";

    private final int maxKeys;
    private final int maxKeyLength;
    private final int maxValueLength;

    public AttachedData(int maxKeys, int maxKeyLength, int maxValueLength) {
        this.maxKeys = maxKeys;
        this.maxKeyLength = maxKeyLength;
        this.maxValueLength = maxValueLength;
    }

    public AttachedData(SessionConfig.AttachedData config) {
        this(config.maxKeys(), config.maxKeyLength(), config.maxValueLength());
    }

    /** What a change did: the data after it and each key's change; no changes when it changed nothing. */
    public record Result(Map<String, Object> data, List<ChatDataChanged.Change> changes) {
    }

    /**
     * Applies a change to the current data: a key with a value sets it, a key with null removes it.
     *
     * @param initial true for the chat request, where null values are refused (there is nothing to remove)
     */
    public Result apply(Map<String, Object> current, Map<String, Object> change, boolean initial) {
        if (change == null) {
            return new Result(current, List.of());
        }
        Map<String, Object> after = new LinkedHashMap<>(current);
        List<ChatDataChanged.Change> changes = new ArrayList<>();
        for (Map.Entry<String, Object> e : change.entrySet()) {
            String key = checkKey(e.getKey());
            Object previous = after.get(key);
            if (e.getValue() == null) {
                if (initial) {
                    throw Problems.invalidField(FIELD + "." + key, "must be a string, a number or a boolean");
                }
                if (previous != null) {
                    after.remove(key);
                    changes.add(new ChatDataChanged.Change(key, null, previous));
                }
                continue;
            }
            Object value = checkValue(key, e.getValue());
            if (!Objects.equals(previous, value)) {
                after.put(key, value);
                changes.add(new ChatDataChanged.Change(key, value, previous));
            }
        }
        if (after.size() > maxKeys) {
            throw Problems.invalidField(FIELD, "at most " + maxKeys + " keys; this would make " + after.size());
        }
        return new Result(after, changes);
    }

    private String checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > maxKeyLength || !KEY.matcher(key).matches()) {
            throw Problems.invalidField(FIELD + "." + key, "a key is a letter followed by letters, digits, '_', '-'"
                    + " or '.', at most " + maxKeyLength + " characters");
        }
        return key;
    }

    private Object checkValue(String key, Object value) {
        if (value instanceof String s) {
            if (s.length() > maxValueLength) {
                throw Problems.invalidField(FIELD + "." + key, "at most " + maxValueLength + " characters");
            }
            return s;
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n) {
            return number(key, n);
        }
        throw Problems.invalidField(FIELD + "." + key, "must be a string, a number or a boolean");
    }

    /** Numbers are kept as JSON has them: whole numbers as longs, others as doubles; nothing infinite. */
    private static Number number(String key, Number n) {
        if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
            throw Problems.invalidField(FIELD + "." + key, "must be a finite number");
        }
        BigDecimal exact = new BigDecimal(n.toString());
        if (exact.stripTrailingZeros().scale() <= 0 && exact.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return exact.longValueExact();
        }
        double d = exact.doubleValue();
        if (Double.isInfinite(d)) {
            throw Problems.invalidField(FIELD + "." + key, "must be a finite number");
        }
        return d;
    }
}
