package io.switchboard.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reading the end of a process' log file, to show why it failed. */
public final class LogFiles {

    public static final int TAIL_LINES = 40;

    private LogFiles() {
    }

    public static String tail(Path logFile) {
        return tail(logFile, TAIL_LINES);
    }

    public static String tail(Path logFile, int lines) {
        try {
            if (!Files.exists(logFile)) {
                return "(no log at " + logFile + ")";
            }
            List<String> all = Files.readAllLines(logFile, StandardCharsets.ISO_8859_1);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }
}
