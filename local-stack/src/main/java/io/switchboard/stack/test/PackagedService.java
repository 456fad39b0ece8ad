package io.switchboard.stack.test;

import io.switchboard.stack.ApplicationProcess;
import io.switchboard.stack.FreePorts;
import io.switchboard.stack.ServiceApp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of the service under test, started from its packaged jar as a separate process: the launcher of every
 * multi-instance test (two replicas on one database and broker, one of them killed). It takes a free port, runs the
 * {@code local} profile (development keys, dev-style defaults), logs to a file of its own and waits for readiness the
 * way {@code ./switchboard start} does, through {@link ApplicationProcess}.
 *
 * <p>The failsafe plugin (parent POM) passes the jar in the system property {@value #JAR_PROPERTY}; a test skips
 * itself when {@link #packaged()} is false (run {@code mvn verify}, which packages first).
 */
public final class PackagedService implements AutoCloseable {

    /** The system property naming the packaged runner of the module under test. */
    public static final String JAR_PROPERTY = "switchboard.app.jar";
    /** Where Quarkus packages the runner, relative to the module; the default when the property is not set. */
    private static final String DEFAULT_JAR = "target/quarkus-app/quarkus-run.jar";
    /** Two JVMs start side by side on a shared machine next to the test's own (collector: see ApplicationSettings). */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");
    /** A test instance need not drain politely; its state is all in the database and the broker. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ApplicationProcess process;

    private PackagedService(ApplicationProcess process) {
        this.process = process;
    }

    /** The packaged runner of the module under test (absolute). */
    public static Path jar() {
        return Path.of(System.getProperty(JAR_PROPERTY, DEFAULT_JAR)).toAbsolutePath();
    }

    /** Whether the module has been packaged, i.e. whether a multi-instance test can run. */
    public static boolean packaged() {
        return Files.isRegularFile(jar());
    }

    /** Starts an instance with the default JVM options; it is not ready yet (see {@link #awaitReady}). */
    public static PackagedService start(ServiceApp app, Map<String, String> environment, Path log) {
        return start(app, environment, log, DEFAULT_JVM_OPTIONS);
    }

    /**
     * Starts an instance with {@code environment} (KAFKA_*, DB_*, ...) plus its port and the {@code local} profile,
     * logging to {@code log}; it is not ready yet (see {@link #awaitReady}), so several can start side by side.
     */
    public static PackagedService start(ServiceApp app, Map<String, String> environment, Path log,
                                        List<String> jvmOptions) {
        int port = FreePorts.next();
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_PROFILE", "local");
        return new PackagedService(ApplicationProcess.start(app, jar(), port, jvmOptions, env,
                log.toAbsolutePath(), false));
    }

    /** Waits until the instance is ready; fails with the tail of its log when it exits or the time is up. */
    public PackagedService awaitReady(Duration timeout) {
        process.awaitReady(System.nanoTime() + timeout.toNanos());
        return this;
    }

    /** E.g. http://127.0.0.1:43121, no trailing slash. */
    public String baseUrl() {
        return process.baseUrl();
    }

    public URI baseUri() {
        return URI.create(process.baseUrl());
    }

    public Path logFile() {
        return process.logFile();
    }

    /** A crash: SIGKILL, no shutdown of any kind; returns once the process is gone. */
    public void kill() {
        process.kill();
    }

    /** SIGTERM, then SIGKILL when it has not stopped within the grace period. */
    @Override
    public void close() {
        process.requestStop();
        process.awaitStop(STOP_GRACE);
    }
}
