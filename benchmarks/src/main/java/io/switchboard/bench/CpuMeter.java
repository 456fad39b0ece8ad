package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of each process from /proc/&lt;pid&gt;/stat (utime + stime), so a step can report the CPU each service
 * spent and, divided by the messages, the CPU per message. PostgreSQL counts with its children, live ones and those
 * that ended (cutime + cstime): it does its work in a backend process per connection. (The services are children of
 * the load generator when it started them, so only PostgreSQL is counted that way.)
 */
final class CpuMeter {

    /** USER_HZ: Linux reports utime/stime in these ticks per second on every common architecture. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final int UTIME_FIELD = 13;
    private static final int STIME_FIELD = 14;
    private static final int CUTIME_FIELD = 15;
    private static final int CSTIME_FIELD = 16;
    static final String GENERATOR = "load generator";
    /**
     * Not a process: the CPU of the JIT compiler threads of every JVM measured (already counted in each process's
     * figure). A large share means the step measured compilation, not a warm stack.
     */
    static final String JIT_COMPILERS = "of which JIT compilers";
    /** How HotSpot names its compiler threads (the kernel's thread name keeps 15 characters). */
    private static final String COMPILER_THREAD = "CompilerThre";

    private final Map<String, Long> pids = new LinkedHashMap<>();

    CpuMeter(Map<String, Long> servicePids) {
        pids.putAll(servicePids);
        pids.put(GENERATOR, ProcessHandle.current().pid());
    }

    /** CPU milliseconds consumed so far, per process (a process that is gone is left out). */
    Map<String, Double> sample() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                boolean tree = ProcessFinder.POSTGRESQL.equals(name);
                long ticks = ticks(pid, tree);
                if (tree) {
                    for (long child : ProcessFinder.children(pid)) {
                        ticks += childTicks(child);
                    }
                }
                cpu.put(name, ticks * 1000.0 / TICKS_PER_SECOND);
            } catch (IOException | RuntimeException e) {
                // not readable or gone
            }
        });
        long compilerTicks = 0;
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            if (!ProcessFinder.POSTGRESQL.equals(process.getKey())) {
                compilerTicks += compilerTicks(process.getValue());
            }
        }
        cpu.put(JIT_COMPILERS, compilerTicks * 1000.0 / TICKS_PER_SECOND);
        return cpu;
    }

    /**
     * The compiler threads' CPU of one JVM so far. HotSpot stops idle compiler threads (and starts them again), so a
     * delta over a step may miss a thread that ended in it: at least this much was compiling.
     */
    private static long compilerTicks(long pid) {
        long ticks = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.contains(COMPILER_THREAD)) {
                        ticks += ticks(stat, false);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // not readable or gone
        }
        return ticks;
    }

    /** A backend that ended between the listing and the read counts in its parent's cutime from then on. */
    private static long childTicks(long pid) {
        try {
            return ticks(pid, false);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long ticks(long pid, boolean withEndedChildren) throws IOException {
        return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")), withEndedChildren);
    }

    private static long ticks(String stat, boolean withEndedChildren) {
        // the command name (field 2) may hold spaces: fields count from after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[UTIME_FIELD - 2]) + Long.parseLong(fields[STIME_FIELD - 2]);
        if (withEndedChildren) {
            ticks += Long.parseLong(fields[CUTIME_FIELD - 2]) + Long.parseLong(fields[CSTIME_FIELD - 2]);
        }
        return ticks;
    }

    static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> delta = new LinkedHashMap<>();
        after.forEach((name, ms) -> {
            Double start = before.get(name);
            if (start != null) {
                delta.put(name, Math.max(0, ms - start));
            }
        });
        return delta;
    }
}
