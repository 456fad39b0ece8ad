package io.switchboard.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code start [--clean] [--infra-only]}, {@code stop}, {@code infra-env}: runs the whole platform on this machine
 * in the foreground (see ./switchboard). Servers named by environment variables (KAFKA_BOOTSTRAP_SERVERS,
 * DB_HOST, SMTP_HOST, ...) are used instead of starting embedded ones.
 */
public final class Launcher {

    /** Stopping takes the applications' grace period plus the broker's controlled shutdown. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(120);
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_FAILURE = 1;
    private static final String USAGE = "usage: Launcher start [--clean] [--infra-only] | stop | infra-env";

    private final StackHome home;
    private volatile Infrastructure infrastructure;
    private volatile SwitchboardApplications applications;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;

    private Launcher(StackHome home) {
        this.home = home;
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println(USAGE);
            System.exit(EXIT_USAGE);
        }
        StackHome home = StackHome.locate();
        List<String> options = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "start" -> new Launcher(home).start(options.contains("--clean"), options.contains("--infra-only"));
                case "stop" -> System.exit(stop(home));
                case "infra-env" -> System.exit(printInfraEnv(home));
                default -> {
                    System.err.println(USAGE);
                    System.exit(EXIT_USAGE);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("[switchboard] " + e.getMessage());
            System.exit(EXIT_FAILURE);
        }
    }

    private void start(boolean clean, boolean infraOnly) {
        if (!infraOnly) {
            SwitchboardApplications.requireJars(home.root()); // before anything starts
        }
        Optional<ProcessHandle> other = runningLauncher(home);
        if (other.isPresent()) {
            throw new IllegalStateException("already running (pid " + other.get().pid() + "); ./switchboard stop first");
        }
        try {
            Files.createDirectories(home.logs());
            Files.deleteIfExists(home.infraEnvFile());
            if (clean) {
                Directories.deleteRecursively(home.data());
            }
            Files.writeString(home.pidFile(), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // registered first, so Ctrl-C while starting stops what did start
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "switchboard-shutdown"));
        try {
            infrastructure = Infrastructure.start(InfrastructureSettings.standard(home.data(), home.logs()),
                    System.getenv());
            for (ServiceApp app : ServiceApp.values()) {
                app.databaseName("").ifPresent(infrastructure.database()::createDatabase);
            }
            KafkaTopics.createAll(infrastructure.kafkaBootstrapServers(), "", List.of());
            writeInfraEnv();
            if (!infraOnly) {
                applications = SwitchboardApplications.start(infrastructure,
                        ApplicationSettings.local(home.root(), home.logs()));
                applications.processes().forEach(this::warnWhenItExits);
            }
        } catch (RuntimeException e) {
            System.err.println("[switchboard] start failed: " + e.getMessage());
            System.exit(EXIT_FAILURE); // runs the shutdown hook
        }
        System.out.println(summary(infraOnly));
        System.out.flush();
        awaitShutdown();
    }

    /** An application that dies while the stack runs is reported, not restarted: its log says why. */
    private void warnWhenItExits(ApplicationProcess process) {
        process.onExit().thenRun(() -> {
            if (!stopping) {
                System.err.println("[switchboard] " + process.app().module() + " exited; see " + process.logFile());
            }
        });
    }

    private void awaitShutdown() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reverse order of start: applications, broker, PostgreSQL, mail server. */
    private void shutdown() {
        stopping = true;
        System.out.println("[switchboard] stopping ...");
        if (applications != null) {
            applications.stop();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        try {
            Files.deleteIfExists(home.infraEnvFile());
            Files.deleteIfExists(home.pidFile());
        } catch (IOException ignored) {
            // a stale pid file is recognised by its dead process
        }
        System.out.println("[switchboard] stopped");
        stopped.countDown();
    }

    private void writeInfraEnv() {
        String lines = infrastructure.environment().entrySet().stream()
                .map(e -> "export " + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Path tmp = home.infraEnvFile().resolveSibling("infra.env.tmp");
            Files.writeString(tmp, lines);
            Files.move(tmp, home.infraEnvFile(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String summary(boolean infraOnly) {
        List<String[]> rows = new ArrayList<>();
        if (applications != null) {
            rows.add(new String[] {"Switchboard (gateway, the one origin)",
                    "http://localhost:" + ServiceApp.GATEWAY.standardPort()});
            for (ServiceApp app : ServiceApp.backends()) {
                rows.add(new String[] {app.module(), applications.baseUrl(app)});
            }
        }
        DatabaseServer db = infrastructure.database();
        MailEndpoint mail = infrastructure.mail();
        List<String> embedded = infrastructure.embeddedParts();
        rows.add(new String[] {"Kafka" + external(embedded, "kafka"), infrastructure.kafkaBootstrapServers()});
        rows.add(new String[] {"PostgreSQL" + external(embedded, "postgres"), db.host() + ":" + db.port()
                + "  user " + db.user() + ", databases " + ServiceApp.backends().stream()
                .map(a -> a.databaseName("").orElseThrow()).collect(Collectors.joining(", "))});
        rows.add(new String[] {"SMTP / IMAP" + external(embedded, "mail"),
                mail.host() + ":" + mail.smtpPort() + " / " + mail.imapPort()});
        rows.add(new String[] {"logs", home.logs().toString()});
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + 2;
        StringBuilder out = new StringBuilder("\n[switchboard] ")
                .append(infraOnly ? "infrastructure is up" : "Switchboard is up")
                .append(" (Ctrl-C or ./switchboard stop ends it)\n");
        for (String[] row : rows) {
            out.append("  ").append(String.format("%-" + width + "s", row[0])).append(row[1]).append('\n');
        }
        return out.toString();
    }

    private static String external(List<String> embedded, String part) {
        return embedded.contains(part) ? "" : " (external)";
    }

    /** Signals the launcher named by the pid file (its shutdown hook stops everything) and waits until it is gone. */
    private static int stop(StackHome home) {
        Optional<ProcessHandle> launcher = runningLauncher(home);
        if (launcher.isEmpty()) {
            System.out.println("[switchboard] not running");
            return 0;
        }
        ProcessHandle process = launcher.get();
        System.out.println("[switchboard] stopping pid " + process.pid() + " ...");
        process.destroy();
        try {
            process.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            System.out.println("[switchboard] stopped");
            return 0;
        } catch (Exception e) {
            System.err.println("[switchboard] pid " + process.pid() + " still running after " + STOP_WAIT);
            return EXIT_FAILURE;
        }
    }

    private static int printInfraEnv(StackHome home) {
        if (runningLauncher(home).isEmpty() || !Files.exists(home.infraEnvFile())) {
            System.err.println("[switchboard] the infrastructure is not running (./switchboard start --infra-only)");
            return EXIT_FAILURE;
        }
        try {
            System.out.print(Files.readString(home.infraEnvFile()));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher of the pid file, if that process still lives and is a Java process (pids get reused). */
    static Optional<ProcessHandle> runningLauncher(StackHome home) {
        return StaleProcesses.readPid(home.pidFile())
                .filter(pid -> pid != ProcessHandle.current().pid())
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(true));
    }
}
