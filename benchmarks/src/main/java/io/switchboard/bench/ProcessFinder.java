package io.switchboard.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the processes whose CPU the benchmark reports when it did not start them: a service by its runnable jar and
 * the QUARKUS_HTTP_PORT the launcher gave it; the Kafka broker and PostgreSQL by their command line (they may be
 * shared with other work, which the report says).
 */
final class ProcessFinder {

    /** PostgreSQL's entry in the CPU table: the postmaster and its backends. */
    static final String POSTGRESQL = "postgresql (shared)";
    private static final Path PROC = Path.of("/proc");
    /** The server binary of PostgreSQL (embedded or packaged) started with a data directory. */
    private static final Pattern POSTMASTER = Pattern.compile("(^|/)postgres\\s+(.*\\s)?-D\\s");

    private ProcessFinder() {
    }

    static void servicePids(BenchOptions options, Map<String, Long> pids) {
        find("gateway", options.gatewayUrl().orElseThrow(), pids);
        find("routing-service", options.routingUrl().orElseThrow(), pids);
        List<String> sessions = options.sessionUrls();
        for (int i = 0; i < sessions.size(); i++) {
            find("session-service" + (i > 0 ? "-" + (i + 1) : ""), sessions.get(i), pids);
        }
        infrastructurePids(pids);
    }

    /**
     * The Kafka broker (kafka.Kafka) and the PostgreSQL postmaster, when they run on this machine. PostgreSQL works in
     * one backend process per connection: {@link CpuMeter} counts the postmaster with all its children.
     */
    static void infrastructurePids(Map<String, Long> pids) {
        forEachProcess((pid, cmdline) -> {
            if (cmdline.contains("kafka.Kafka ") || cmdline.endsWith("kafka.Kafka")) {
                pids.putIfAbsent("kafka (shared)", pid);
            }
            if (POSTMASTER.matcher(cmdline).find() && !POSTMASTER.matcher(commandLine(parent(pid))).find()) {
                pids.putIfAbsent(POSTGRESQL, pid);
            }
        });
    }

    /** Direct children of a process (the backends of a postmaster), from each process's parent id. */
    static List<Long> children(long parent) {
        List<Long> children = new ArrayList<>();
        forEachProcess((pid, cmdline) -> {
            if (parent(pid) == parent) {
                children.add(pid);
            }
        });
        return children;
    }

    /** The parent process id (field 4 of /proc/&lt;pid&gt;/stat), or -1 when gone. */
    static long parent(long pid) {
        String stat = read(PROC.resolve(Long.toString(pid)).resolve("stat"));
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return -1;
        }
        // fields after the command name: state, ppid, ...
        String[] fields = stat.substring(end + 2).split(" ");
        return fields.length > 1 ? Long.parseLong(fields[1]) : -1;
    }

    private static String commandLine(long pid) {
        return pid < 0 ? "" : read(PROC.resolve(Long.toString(pid)).resolve("cmdline")).replace('\0', ' ').trim();
    }

    private static void find(String name, String url, Map<String, Long> pids) {
        int port = URI.create(url).getPort();
        String module = name.replaceFirst("-\\d+$", "");
        forEachProcess((pid, cmdline) -> {
            if (cmdline.contains(module + "/target/quarkus-app/quarkus-run.jar") || cmdline.contains("quarkus-run.jar")) {
                String environ = read(PROC.resolve(Long.toString(pid)).resolve("environ"));
                if (environ.contains("QUARKUS_HTTP_PORT=" + port + "\0") && cmdline.contains(module)) {
                    pids.put(name, pid);
                }
            }
        });
    }

    private interface ProcessVisitor {
        void visit(long pid, String cmdline);
    }

    private static void forEachProcess(ProcessVisitor visitor) {
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                String cmdline = read(p.resolve("cmdline")).replace('\0', ' ').trim();
                if (!cmdline.isEmpty()) {
                    visitor.visit(Long.parseLong(p.getFileName().toString()), cmdline);
                }
            });
        } catch (IOException e) {
            // no /proc (not Linux): no CPU figures
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
