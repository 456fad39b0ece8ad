package io.switchboard.bench;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * One target judged on a run: its name, the target in words, met / missed / not measured, and what the step judged
 * gave ({@code measured}, also when not measured: the nearest the run came). {@code figures} are the same as numbers.
 */
record Verdict(String name, String target, Status status, String measured, JsonObject figures) {

    enum Status {
        MET("met"), MISSED("missed"), NOT_MEASURED("not measured");

        final String text;

        Status(String text) {
            this.text = text;
        }
    }

    /** {name, target, status, measured} and the figures of the step judged. */
    JsonObject json() {
        return new JsonObject().put("name", name).put("target", target).put("status", status.text)
                .put("measured", measured).mergeIn(figures);
    }

    /** One line of the printed block. */
    String line() {
        return String.format(Locale.ROOT, "  %-9s %-12s %s | target: %s", name + ":", status.text, measured, target);
    }
}
