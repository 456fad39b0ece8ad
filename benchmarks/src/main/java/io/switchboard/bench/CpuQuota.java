package io.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CPU limit on one process: a cgroup of its own with a CFS quota, which is what a container's {@code cpus} limit
 * is. On one box every process shares the same cores, so a second session-service instance only competes with the
 * first; limited like this, each instance stands for a machine of its own and the session side is the bottleneck,
 * so whether two instances carry more than one becomes measurable here ({@code --session-cpu}, docs/performance.md).
 * Needs a writable cpu controller (root, or a delegated cgroup); cgroup v1 and v2 both work.
 */
final class CpuQuota implements AutoCloseable {

    /** The CFS period; the quota is a share of it. The kernel's default period. */
    static final long PERIOD_MICROS = 100_000;
    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final Path V1_CPU = ROOT.resolve("cpu");

    private final List<Path> groups;
    private final Path parent;

    private CpuQuota(List<Path> groups, Path parent) {
        this.groups = groups;
        this.parent = parent;
    }

    /** The cgroups made, one per limited process. */
    List<Path> groups() {
        return groups;
    }

    /** No limit: nothing to undo. */
    static CpuQuota none() {
        return new CpuQuota(List.of(), ROOT);
    }

    /** Limits each process of {@code pids} (name to pid) to {@code cores} of its own; 0 cores: no limit. */
    static CpuQuota limitEach(Map<String, Long> pids, double cores) {
        if (cores <= 0 || pids.isEmpty()) {
            return none();
        }
        long quota = Math.round(cores * PERIOD_MICROS);
        List<Path> groups = new ArrayList<>();
        Path parent = V1_CPU;
        try {
            boolean v1 = Files.isRegularFile(V1_CPU.resolve("cpu.cfs_quota_us"));
            if (!v1) {
                parent = ownV2Group();
                if (!Files.readString(parent.resolve("cgroup.subtree_control")).contains("cpu")) {
                    Files.writeString(parent.resolve("cgroup.subtree_control"), "+cpu");
                }
            }
            for (Map.Entry<String, Long> process : pids.entrySet()) {
                Path group = Files.createDirectories(parent.resolve(groupName(process.getKey(), process.getValue())));
                groups.add(group);
                limit(group, v1, process.getValue(), quota);
            }
            return new CpuQuota(List.copyOf(groups), parent);
        } catch (IOException | UncheckedIOException e) {
            new CpuQuota(groups, parent).close(); // the limits already set would outlive the run
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "--session-cpu %.2f needs a writable cgroup cpu controller (root, or a delegated cgroup): %s",
                    cores, e.getMessage()), e);
        }
    }

    /** Sets {@code group}'s quota per period and moves {@code pid} (all its threads) into it. */
    private static void limit(Path group, boolean v1, long pid, long quota) throws IOException {
        if (v1) {
            Files.writeString(group.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
            Files.writeString(group.resolve("cpu.cfs_quota_us"), Long.toString(quota));
        } else {
            Files.writeString(group.resolve("cpu.max"), quota + " " + PERIOD_MICROS);
        }
        Files.writeString(group.resolve("cgroup.procs"), Long.toString(pid));
    }

    /** With the pid: two runs at once must not share a group. */
    private static String groupName(String name, long pid) {
        return "switchboard-bench-" + name + "-" + pid;
    }

    /** The cgroup v2 group this JVM is in (its children are where the limits go). */
    private static Path ownV2Group() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            if (line.startsWith("0::")) {
                return ROOT.resolve(line.substring(3).replaceFirst("^/", ""));
            }
        }
        throw new IOException("no cgroup v2 hierarchy and no cgroup v1 cpu controller under " + ROOT);
    }

    /** Gives the processes still in the groups back to the parent and removes the groups. */
    @Override
    public void close() {
        groups.forEach(this::remove);
    }

    private void remove(Path group) {
        try {
            for (String pid : Files.readAllLines(group.resolve("cgroup.procs"))) {
                try {
                    Files.writeString(parent.resolve("cgroup.procs"), pid.trim());
                } catch (IOException exited) {
                    // The process ended between the read and the move: nothing to give back.
                }
            }
            Files.deleteIfExists(group);
        } catch (IOException e) {
            System.err.println("could not remove the CPU limit's cgroup " + group + ": " + e.getMessage());
        }
    }
}
