package io.switchboard.system.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of a run: the figures of the issue, and each broken promise spelled out. */
final class Figures {

    final Map<String, Long> values = new LinkedHashMap<>();
    final List<String> problems = new java.util.ArrayList<>();

    void put(String name, long value) {
        values.put(name, value);
    }

    long get(String name) {
        return values.getOrDefault(name, 0L);
    }

    void problem(String text) {
        problems.add(text);
    }

    /** A Markdown table, so that the figures can go into docs/faults.md as printed. */
    String table() {
        StringBuilder out = new StringBuilder("| figure | value |\n|---|---:|\n");
        values.forEach((name, value) -> out.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        return out.toString();
    }
}
