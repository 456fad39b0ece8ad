package io.switchboard.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout and its {@code .switchboard/} folder (data, logs, pid file), which git ignores. */
public record StackHome(Path root) {

    /** Set by ./switchboard; otherwise the checkout is found from the working directory upwards. */
    public static final String HOME_PROPERTY = "switchboard.home";
    private static final String MARKER_SCRIPT = "switchboard";
    private static final String STATE_FOLDER = ".switchboard";

    public static StackHome locate() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new StackHome(Path.of(configured).toAbsolutePath().normalize());
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MARKER_SCRIPT)) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return new StackHome(dir);
            }
        }
        throw new IllegalStateException("no Switchboard checkout (a folder with ./switchboard) at or above " + start
                + "; set -D" + HOME_PROPERTY);
    }

    public Path state() {
        return root.resolve(STATE_FOLDER);
    }

    /** Kafka and PostgreSQL data; {@code start --clean} wipes it. */
    public Path data() {
        return state().resolve("data");
    }

    public Path logs() {
        return state().resolve("logs");
    }

    public Path pidFile() {
        return state().resolve("launcher.pid");
    }

    /** Written once the infrastructure is up: {@code export NAME=value} lines; its presence means "ready". */
    public Path infraEnvFile() {
        return state().resolve("infra.env");
    }
}
