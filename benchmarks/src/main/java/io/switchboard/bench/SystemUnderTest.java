package io.switchboard.bench;

import io.switchboard.stack.ApplicationProcess;
import io.switchboard.stack.ApplicationSettings;
import io.switchboard.stack.Infrastructure;
import io.switchboard.stack.InfrastructureSettings;
import io.switchboard.stack.ServiceApp;
import io.switchboard.stack.SwitchboardApplications;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The stack the benchmark drives: started here with local-stack (the infrastructure named by the environment, as
 * {@code ./switchboard test} sets it, or embedded servers; the six applications as processes with their own
 * databases and topic prefix), or a running one given by its URLs.
 */
final class SystemUnderTest implements AutoCloseable {

    private final String gatewayUrl;
    private final String routingUrl;
    private final List<String> sessionUrls;
    private final String kafka;
    private final String topicPrefix;
    /** Process ids per service (session-service-2 for a second instance), for the CPU figures. */
    private final Map<String, Long> pids;
    private final Infrastructure infrastructure;
    private final SwitchboardApplications applications;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SystemUnderTest(String gatewayUrl, String routingUrl, List<String> sessionUrls, String kafka,
                            String topicPrefix, Map<String, Long> pids, Infrastructure infrastructure,
                            SwitchboardApplications applications) {
        this.gatewayUrl = gatewayUrl;
        this.routingUrl = routingUrl;
        this.sessionUrls = sessionUrls;
        this.kafka = kafka;
        this.topicPrefix = topicPrefix;
        this.pids = pids;
        this.infrastructure = infrastructure;
        this.applications = applications;
    }

    static SystemUnderTest open(BenchOptions options, Path repoRoot) {
        if (!options.startsStack()) {
            List<String> sessions = options.sessionUrls();
            Map<String, Long> pids = new LinkedHashMap<>();
            ProcessFinder.servicePids(options, pids);
            return new SystemUnderTest(options.gatewayUrl().orElseThrow(), options.routingUrl().orElseThrow(),
                    sessions, options.kafka().orElseThrow(), options.topicPrefix(), pids, null, null);
        }
        return start(repoRoot, options.sessionInstances(), options.readyTimeout());
    }

    static SystemUnderTest start(Path repoRoot, int sessionInstances, java.time.Duration readyTimeout) {
        String runId = "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 7);
        Path work = repoRoot.resolve("benchmarks").resolve("target").resolve("stack-" + runId);
        Path logs;
        try {
            logs = Files.createDirectories(work.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("starting the stack (logs: %s) ...%n", logs);
        Infrastructure infrastructure = Infrastructure.start(
                InfrastructureSettings.freePorts(work.resolve("data"), logs), System.getenv());
        SwitchboardApplications apps = null;
        try {
            // One generator plays every visitor and sends faster than a person: the per-address and per-participant
            // limits would otherwise refuse the load the benchmark offers.
            ApplicationSettings settings = ApplicationSettings.isolatedRun(repoRoot, logs, runId)
                    .withExtraEnvironment(ApplicationSettings.LOAD_GENERATOR_LIMITS);
            apps = SwitchboardApplications.start(infrastructure, settings, readyTimeout);
            List<String> sessions = new ArrayList<>();
            sessions.add(apps.baseUrl(ServiceApp.SESSION));
            for (int instance = 2; instance <= sessionInstances; instance++) {
                sessions.add(apps.startAnotherInstance(ServiceApp.SESSION, instance, infrastructure, settings, readyTimeout)
                        .baseUrl());
            }
            Map<String, Long> pids = new LinkedHashMap<>();
            Map<ServiceApp, Integer> seen = new LinkedHashMap<>();
            for (ApplicationProcess process : apps.processes()) {
                int n = seen.merge(process.app(), 1, Integer::sum);
                pids.put(process.app().module() + (n > 1 ? "-" + n : ""), process.pid());
            }
            ProcessFinder.infrastructurePids(pids);
            SystemUnderTest system = new SystemUnderTest(apps.baseUrl(ServiceApp.GATEWAY),
                    apps.baseUrl(ServiceApp.ROUTING), List.copyOf(sessions), infrastructure.kafkaBootstrapServers(),
                    settings.topicPrefix(), pids, infrastructure, apps);
            // A run stopped with Ctrl-C or SIGTERM stops the stack it started too, as a finished run does.
            Runtime.getRuntime().addShutdownHook(new Thread(system::close, "stop-the-stack"));
            return system;
        } catch (RuntimeException e) {
            if (apps != null) {
                apps.close();
            }
            infrastructure.close();
            throw e;
        }
    }

    String gatewayUrl() {
        return gatewayUrl;
    }

    String routingUrl() {
        return routingUrl;
    }

    List<String> sessionUrls() {
        return sessionUrls;
    }

    String kafka() {
        return kafka;
    }

    String topicPrefix() {
        return topicPrefix;
    }

    Map<String, Long> pids() {
        return pids;
    }

    /** The session-service instances' processes (session-service, session-service-2, ...). */
    Map<String, Long> sessionPids() {
        Map<String, Long> sessions = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            if (name.startsWith(ServiceApp.SESSION.module())) {
                sessions.put(name, pid);
            }
        });
        return sessions;
    }

    /** Once: at the run's end, or from the shutdown hook when the run is stopped before it. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (applications != null) {
            applications.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }
}
