package io.switchboard.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Servers left running by a launcher that was killed outright (no shutdown hook ran) would hold the ports and data
 * directories of the next start; they are found by the pid files in the data directories and stopped.
 */
final class StaleProcesses {

    private static final Duration GRACE = Duration.ofSeconds(15);

    private StaleProcesses() {
    }

    /** PostgreSQL writes its pid on the first line of postmaster.pid. */
    static void stopPostgres(Path dataDirectory) {
        readPid(dataDirectory.resolve("postmaster.pid"))
                .flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(StaleProcesses::stop);
    }

    /** Ours: {@link KafkaBroker} writes the broker's pid beside its data. */
    static void stopJava(Path pidFile) {
        readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .ifPresent(StaleProcesses::stop);
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void stop(ProcessHandle process) {
        System.err.println("[local-stack] stopping stale process " + process.pid() + " "
                + process.info().command().orElse(""));
        process.destroy();
        try {
            process.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }
}
