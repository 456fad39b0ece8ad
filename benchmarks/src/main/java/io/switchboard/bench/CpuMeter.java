package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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
        return cpu;
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
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
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
                delta.put(name, ms - start);
            }
        });
        return delta;
    }
}
