package io.switchboard.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The applications as separate processes, wired to an {@link Infrastructure}. Used by the launcher and, as a
 * library, by the system tests:
 *
 * <pre>{@code
 * try (Infrastructure infra = Infrastructure.start(InfrastructureSettings.freePorts(data, logs), System.getenv());
 *      SwitchboardApplications apps = SwitchboardApplications.start(infra,
 *              ApplicationSettings.isolatedRun(StackHome.locate().root(), logs, runId))) {
 *     String gateway = apps.baseUrl(ServiceApp.GATEWAY);
 * }
 * }</pre>
 */
public final class SwitchboardApplications implements AutoCloseable {

    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration STOP_GRACE = Duration.ofSeconds(15);

    /** Variables the applications read (see the services' "local" profile). */
    public static final String DB_NAME = "DB_NAME";
    public static final String KAFKA_TOPIC_PREFIX = "KAFKA_TOPIC_PREFIX";
    public static final String QUARKUS_HTTP_PORT = "QUARKUS_HTTP_PORT";
    public static final String QUARKUS_PROFILE = "QUARKUS_PROFILE";
    /** Where session-service keeps chat files: beside the run's logs, shared by its instances, kept across builds. */
    public static final String ATTACHMENTS_DIRECTORY = "ATTACHMENTS_DIRECTORY";

    private final Map<ServiceApp, ApplicationProcess> running;
    /** Further instances of a service (e.g. a second session-service for the benchmark), stopped first. */
    private final List<ApplicationProcess> additional = new ArrayList<>();
    private final Infrastructure infrastructure;
    private final ApplicationSettings settings;
    private final Duration readyTimeout;

    private SwitchboardApplications(Map<ServiceApp, ApplicationProcess> running, Infrastructure infrastructure,
                                    ApplicationSettings settings, Duration readyTimeout) {
        this.running = running;
        this.infrastructure = infrastructure;
        this.settings = settings;
        this.readyTimeout = readyTimeout;
    }

    /**
     * Creates the databases and topics, starts all the applications and waits until each is ready.
     *
     * @throws IllegalStateException when a runnable jar is missing, or an application fails or is not ready in
     *                               time (the message holds its log tail); nothing is left running then
     */
    public static SwitchboardApplications start(Infrastructure infrastructure, ApplicationSettings settings) {
        return start(infrastructure, settings, READY_TIMEOUT);
    }

    /** As {@link #start(Infrastructure, ApplicationSettings)}, waiting up to {@code readyTimeout} (a busy machine). */
    public static SwitchboardApplications start(Infrastructure infrastructure, ApplicationSettings settings,
                                                Duration readyTimeout) {
        requireJars(settings.repoRoot());
        for (ServiceApp app : ServiceApp.values()) {
            app.databaseName(settings.runId()).ifPresent(infrastructure.database()::createDatabase);
        }
        KafkaTopics.createAll(infrastructure.kafkaBootstrapServers(), settings.topicPrefix(), List.of());

        Map<ServiceApp, ApplicationProcess> running = new EnumMap<>(ServiceApp.class);
        SwitchboardApplications apps = new SwitchboardApplications(running, infrastructure, settings, readyTimeout);
        try {
            for (ServiceApp app : ServiceApp.values()) {
                running.put(app, apps.launch(app, false));
            }
            long deadline = System.nanoTime() + readyTimeout.toNanos();
            for (ApplicationProcess process : running.values()) {
                process.awaitReady(deadline);
            }
            return apps;
        } catch (RuntimeException e) {
            apps.close();
            throw e;
        }
    }

    private ApplicationProcess launch(ServiceApp app, boolean appendLog) {
        int port = settings.ports().portFor(app);
        return ApplicationProcess.start(app, app.runnableJar(settings.repoRoot()), port, settings.jvmOptions(),
                environment(app, port, infrastructure, settings),
                settings.logDirectory().resolve(app.module() + ".log"), appendLog);
    }

    /** {@code kill -9} of one application (fault tests): it gets no chance to finish anything. */
    public void kill(ServiceApp app) {
        ApplicationProcess process = running.get(app);
        if (process == null) {
            throw new IllegalStateException(app.module() + " is not running");
        }
        process.kill();
    }

    /**
     * Starts one application again on its port, database and topics (after {@link #kill}, or after it died), and
     * waits until it is ready. Its log goes on in the same file.
     */
    public ApplicationProcess restart(ServiceApp app) {
        ApplicationProcess old = running.get(app);
        if (old != null && old.isAlive()) {
            throw new IllegalStateException(app.module() + " is still running (pid " + old.pid() + ")");
        }
        ApplicationProcess process = launch(app, true);
        running.put(app, process);
        process.awaitReady(System.nanoTime() + readyTimeout.toNanos());
        return process;
    }

    public ApplicationProcess process(ServiceApp app) {
        return running.get(app);
    }

    /** The environment of one application: infrastructure, database, port, and the other applications' URLs. */
    static Map<String, String> environment(ServiceApp app, int port, Infrastructure infrastructure,
                                           ApplicationSettings settings) {
        Map<String, String> env = new LinkedHashMap<>(infrastructure.environment());
        env.put(QUARKUS_PROFILE, ApplicationSettings.PROFILE);
        env.put(QUARKUS_HTTP_PORT, Integer.toString(port));
        app.databaseName(settings.runId()).ifPresent(db -> env.put(DB_NAME, db));
        if (!settings.topicPrefix().isEmpty()) {
            env.put(KAFKA_TOPIC_PREFIX, settings.topicPrefix());
        }
        if (app == ServiceApp.SESSION) {
            env.put(ATTACHMENTS_DIRECTORY, settings.logDirectory().toAbsolutePath().resolveSibling("attachments")
                    .toString());
        }
        // The gateway proxies to every service, and services call each other (session asks workflow): all of them
        // learn where the others listen.
        for (ServiceApp backend : ServiceApp.backends()) {
            env.put(backend.urlVariable(), "http://127.0.0.1:" + settings.ports().portFor(backend));
        }
        env.putAll(settings.extraEnvironment());
        return env;
    }

    /** Fails with a message naming every missing quarkus-run.jar and how to build them. */
    public static void requireJars(Path repoRoot) {
        List<Path> missing = new ArrayList<>();
        for (ServiceApp app : ServiceApp.values()) {
            Path jar = app.runnableJar(repoRoot);
            if (!Files.isRegularFile(jar)) {
                missing.add(repoRoot.relativize(jar));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("runnable jar(s) missing: "
                    + missing.stream().map(Path::toString).collect(Collectors.joining(", "))
                    + ". Build them first: ./switchboard start --build (or mvn -B package -DskipTests)");
        }
    }

    public String baseUrl(ServiceApp app) {
        ApplicationProcess process = running.get(app);
        if (process == null) {
            throw new IllegalStateException(app.module() + " is not running");
        }
        return process.baseUrl();
    }

    public List<ApplicationProcess> processes() {
        List<ApplicationProcess> all = new ArrayList<>(running.values());
        all.addAll(additional);
        return all;
    }

    /**
     * Starts one more instance of {@code app} on a free port, wired like the first one (same database and topics),
     * and waits until it is ready; it logs to {@code <module>-<instance>.log} and stops with the others.
     */
    public ApplicationProcess startAnotherInstance(ServiceApp app, int instance, Infrastructure infrastructure,
                                                   ApplicationSettings settings, Duration readyTimeout) {
        int port = FreePorts.next();
        ApplicationProcess process = ApplicationProcess.start(app, app.runnableJar(settings.repoRoot()), port,
                settings.jvmOptions(), environment(app, port, infrastructure, settings),
                settings.logDirectory().resolve(app.module() + "-" + instance + ".log"), false);
        additional.add(process);
        process.awaitReady(System.nanoTime() + readyTimeout.toNanos());
        return process;
    }

    /** SIGTERM to all (gateway first), then waits; whatever is still running after the grace period is killed. */
    public void stop() {
        List<ApplicationProcess> reverse = new ArrayList<>(running.values());
        java.util.Collections.reverse(reverse);
        reverse.addAll(0, additional);
        additional.clear();
        reverse.forEach(ApplicationProcess::requestStop);
        reverse.forEach(p -> p.awaitStop(STOP_GRACE));
        running.clear();
    }

    /**
     * Stops the applications; a run with its own databases and topics (a run id: tests, benchmark) drops them,
     * while the local run's keep their data. A server that is gone already (a fault test's) leaves nothing to drop.
     */
    @Override
    public void close() {
        stop();
        if (settings.runId() == null || settings.runId().isEmpty()) {
            return;
        }
        for (ServiceApp app : ServiceApp.values()) {
            app.databaseName(settings.runId()).ifPresent(infrastructure.database()::dropLeftover);
        }
        if (!settings.topicPrefix().isEmpty()) {
            KafkaTopics.deleteLeftover(infrastructure.kafkaBootstrapServers(), settings.topicPrefix());
        }
    }
}
