package io.switchboard.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to run the applications.
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
    /**
     * For tests that play many visitors from one machine: session-service's chat request limit per client address
     * (docs/api.md, "Limits") is raised; the per-participant limits stay.
     */
    public static final Map<String, String> ONE_ADDRESS_MANY_VISITORS = Map.of(
            "LIMIT_CHAT_REQUESTS_BURST", "1000", "LIMIT_CHAT_REQUESTS_PER_MINUTE", "60000");
    /** For a load generator: every limit raised far above what it offers, so that the system, not a limit, is measured. */
    public static final Map<String, String> LOAD_GENERATOR_LIMITS = Map.of(
            "LIMIT_CHAT_REQUESTS_BURST", "100000", "LIMIT_CHAT_REQUESTS_PER_MINUTE", "6000000",
            "LIMIT_MESSAGES_BURST", "100000", "LIMIT_MESSAGES_PER_SECOND", "100000",
            "LIMIT_TYPING_BURST", "100000", "LIMIT_TYPING_PER_SECOND", "100000");
    /**
     * Seven JVMs share a small machine. The serial collector is the one the JVM picks by itself in the pods (memory
     * limit below 1792 MB, docs/operations.md); on a big box it would pick G1, whose background threads in every JVM
     * compete for the same cores: the chat benchmark carried 248 messages/s against 152 at 300 offered
     * (docs/performance.md).
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC");

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
