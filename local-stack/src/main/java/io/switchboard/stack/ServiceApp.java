package io.switchboard.stack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The applications of Switchboard: where their runnable jar is, their database and their standard port. */
public enum ServiceApp {
    ROUTING("routing-service", "routing", 8081),
    SESSION("session-service", "session", 8082),
    TRANSCRIPT("transcript-service", "transcript", 8083),
    HISTORY("history-service", "history", 8084),
    WORKFLOW("workflow-service", "workflow", 8085),
    /** Places phone calls through the company's PBX; in the local run none is configured (FAILED not-configured). */
    TELEPHONY("telephony-adapter", "telephony", 8086),
    /** The one origin of the browser; it reaches the others through the *_URL variables. */
    GATEWAY("gateway", null, 8080);

    private static final String RUNNABLE_JAR = "target/quarkus-app/quarkus-run.jar";

    private final String module;
    private final String shortName;
    private final int standardPort;

    ServiceApp(String module, String shortName, int standardPort) {
        this.module = module;
        this.shortName = shortName;
        this.standardPort = standardPort;
    }

    /** The Maven module folder, which is also the name of the process and of its log file. */
    public String module() {
        return module;
    }

    public int standardPort() {
        return standardPort;
    }

    /** The database of the service: its short name, with {@code _<runId>} when a run needs its own. */
    public Optional<String> databaseName(String runId) {
        if (shortName == null) {
            return Optional.empty();
        }
        return Optional.of(runId == null || runId.isEmpty() ? shortName : shortName + "_" + runId);
    }

    /** The variable the gateway reads this service's base URL from, e.g. ROUTING_URL. */
    public String urlVariable() {
        return (shortName == null ? module : shortName).toUpperCase(Locale.ROOT) + "_URL";
    }

    public Path runnableJar(Path repoRoot) {
        return repoRoot.resolve(module).resolve(RUNNABLE_JAR);
    }

    /** The services behind the gateway. */
    public static List<ServiceApp> backends() {
        return Arrays.stream(values()).filter(a -> a != GATEWAY).toList();
    }
}
