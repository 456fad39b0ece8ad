package io.switchboard.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to run the six applications.
 *
 * @param repoRoot         the checkout, where each module's target/quarkus-app/quarkus-run.jar is
 * @param logDirectory     each application logs to {@code <module>.log} there
 * @param ports            HTTP port per application
 * @param runId            empty for the local stack (databases routing, session, ...); otherwise every database is
 *                         {@code <short name>_<runId>}, so a run never sees another run's data
 * @param topicPrefix      passed as KAFKA_TOPIC_PREFIX when not empty; all topics are created with it first
 * @param extraEnvironment added last, so it can override anything (e.g. QUARKUS_PROFILE)
 * @param jvmOptions       options for each application JVM
 */
public record ApplicationSettings(Path repoRoot, Path logDirectory, PortAssignment ports, String runId,
                                  String topicPrefix, Map<String, String> extraEnvironment, List<String> jvmOptions) {

    /** The profile whose configuration reads KAFKA_BOOTSTRAP_SERVERS, DB_HOST, ... from the environment. */
    public static final String PROFILE = "local";
    /** Six JVMs share a small machine. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx384m");

    /** The launcher's settings: standard ports, plain database names, unprefixed topics. */
    public static ApplicationSettings local(Path repoRoot, Path logDirectory) {
        return new ApplicationSettings(repoRoot, logDirectory, PortAssignment.STANDARD, "", "", Map.of(),
                DEFAULT_JVM_OPTIONS);
    }

    /** For a system test: free ports, databases {@code <svc>_<runId>} and topics {@code r<runId>.*}. */
    public static ApplicationSettings isolatedRun(Path repoRoot, Path logDirectory, String runId) {
        return new ApplicationSettings(repoRoot, logDirectory, PortAssignment.free(), runId, "r" + runId + ".",
                Map.of(), DEFAULT_JVM_OPTIONS);
    }

    public ApplicationSettings withExtraEnvironment(Map<String, String> environment) {
        return new ApplicationSettings(repoRoot, logDirectory, ports, runId, topicPrefix, environment, jvmOptions);
    }
}
