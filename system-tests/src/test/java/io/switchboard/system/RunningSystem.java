package io.switchboard.system;

import io.switchboard.stack.ApplicationSettings;
import io.switchboard.stack.Infrastructure;
import io.switchboard.stack.InfrastructureSettings;
import io.switchboard.stack.ServiceApp;
import io.switchboard.stack.StackHome;
import io.switchboard.stack.SwitchboardApplications;
import io.switchboard.stack.test.TcpProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole system under test, started once per test JVM: the real Kafka broker, PostgreSQL and SMTP server (those
 * named by the environment, as {@code ./switchboard test} sets them, or embedded ones), and the six packaged
 * applications as separate processes with their own databases and topic prefix for this run.
 * Test classes get it as a parameter: {@code @ExtendWith(RunningSystem.class)}.
 */
public final class RunningSystem implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningSystem.class);
    /** Six JVMs starting at once on a busy 2-core machine took longer than the launcher's 120 s (as in the fault test). */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(6);

    private final Infrastructure infrastructure;
    private final SwitchboardApplications applications;
    private final String topicPrefix;
    private final Path logDirectory;
    /** Every application reaches PostgreSQL through it, so a test can take the database away for a while. */
    private final TcpProxy databaseProxy;

    private RunningSystem(Infrastructure infrastructure, SwitchboardApplications applications, String topicPrefix,
                          Path logDirectory, TcpProxy databaseProxy) {
        this.infrastructure = infrastructure;
        this.applications = applications;
        this.topicPrefix = topicPrefix;
        this.logDirectory = logDirectory;
        this.databaseProxy = databaseProxy;
    }

    /** Public for JUnit, which creates the extension; the system itself is created once. */
    public RunningSystem() {
        this(null, null, null, null, null);
    }

    public String gatewayUrl() {
        return applications.baseUrl(ServiceApp.GATEWAY);
    }

    public String baseUrl(ServiceApp app) {
        return applications.baseUrl(app);
    }

    public String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    public String topic(String eventType) {
        return topicPrefix + eventType;
    }

    /** This run's topic prefix (every topic's name starts with it). */
    public String topicPrefix() {
        return topicPrefix;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    /** {@code kill -9} of one application (fault tests); {@link #restart} brings it back. */
    public void kill(ServiceApp app) {
        applications.kill(app);
    }

    /** Starts a killed application again on its port, database and topics, and waits until it is ready. */
    public void restart(ServiceApp app) {
        applications.restart(app);
    }

    /** Closes every application's database connection and refuses new ones, as if PostgreSQL had gone away. */
    public void cutDatabase() {
        databaseProxy.cut();
    }

    public void restoreDatabase() {
        databaseProxy.restore();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store closes the system when the whole test run ends, after every class that used it.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningSystem.class, key -> new Closeable(start()), Closeable.class).system();
    }

    private static RunningSystem start() {
        String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Path root = StackHome.locate().root();
        Path work = root.resolve("system-tests").resolve("target").resolve("system-" + runId);
        try {
            Path logs = Files.createDirectories(work.resolve("logs"));
            Infrastructure infrastructure = Infrastructure.start(
                    InfrastructureSettings.freePorts(work.resolve("data"), logs), System.getenv());
            TcpProxy databaseProxy = TcpProxy.start(infrastructure.environment().get(Infrastructure.DB_HOST),
                    Integer.parseInt(infrastructure.environment().get(Infrastructure.DB_PORT)));
            try {
                // The tests are many visitors from one address: the per-address chat request limit is raised.
                Map<String, String> environment = new HashMap<>(ApplicationSettings.ONE_ADDRESS_MANY_VISITORS);
                environment.put(Infrastructure.DB_HOST, databaseProxy.host());
                environment.put(Infrastructure.DB_PORT, Integer.toString(databaseProxy.port()));
                ApplicationSettings settings = ApplicationSettings.isolatedRun(root, logs, runId)
                        .withExtraEnvironment(environment);
                SwitchboardApplications apps = SwitchboardApplications.start(infrastructure, settings, READY_TIMEOUT);
                return new RunningSystem(infrastructure, apps, settings.topicPrefix(), logs, databaseProxy);
            } catch (RuntimeException e) {
                databaseProxy.close();
                infrastructure.close();
                throw e;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Closeable(RunningSystem system) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            system.applications.close();
            system.databaseProxy.close();
            system.infrastructure.close();
        }
    }
}
