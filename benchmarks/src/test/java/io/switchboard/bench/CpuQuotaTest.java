package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --session-cpu} on the kernel's own cgroups: a process is moved into a group with the quota asked for, and
 * given back when the run ends. Runs where this JVM may write the cpu controller (root, as in CI's container, or a
 * delegated cgroup); elsewhere the option itself stops a run with that message, and this test is skipped.
 */
class CpuQuotaTest {

    private Process sleeper;

    @BeforeEach
    void startAProcess() throws IOException {
        sleeper = new ProcessBuilder("sleep", "60").start();
    }

    @AfterEach
    void stopIt() throws InterruptedException {
        sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void aLimitedProcessRunsUnderItsQuotaUntilTheRunEnds() throws IOException {
        long pid = sleeper.pid();
        assumeWritableController();
        CpuQuota quota = CpuQuota.limitEach(Map.of("quota-test", pid), 0.25);
        String group = "switchboard-bench-quota-test-" + pid;
        try (quota) {
            assertThat(cgroupOf(pid)).as("the process's cgroups").contains(group);
            assertThat(quota.groups()).singleElement().satisfies(dir -> {
                assertThat(dir.getFileName()).hasToString(group);
                assertThat(quotaOf(dir)).as("a quarter of the period").isEqualTo(CpuQuota.PERIOD_MICROS / 4);
            });
        }
        assertThat(quota.groups().get(0)).as("the group removed").doesNotExist();
        assertThat(cgroupOf(pid)).as("given back when the run ends").doesNotContain(group);
    }

    @Test
    void aProcessThatCannotBeLimitedStopsTheRunAndLeavesNoGroup() throws Exception {
        long live = sleeper.pid();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        pids.put("quota-test", live);
        pids.put("quota-test-gone", gone.pid());
        assumeWritableController();

        assertThatThrownBy(() -> CpuQuota.limitEach(pids, 0.25)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--session-cpu");
        assertThat(cgroupOf(live)).as("the first process given back").doesNotContain("switchboard-bench-");
    }

    /** Skips where this JVM may not write the cpu controller (what the option itself reports). */
    private void assumeWritableController() {
        try (CpuQuota probe = CpuQuota.limitEach(Map.of("quota-probe", sleeper.pid()), 0.25)) {
            assumeTrue(!probe.groups().isEmpty());
        } catch (IllegalStateException noWritableController) {
            assumeTrue(false, "no writable cgroup cpu controller here: " + noWritableController.getMessage());
        }
    }

    private static String cgroupOf(long pid) throws IOException {
        return Files.readString(Path.of("/proc/" + pid + "/cgroup"));
    }

    /** The quota in microseconds per period, from cgroup v1's file or v2's {@code cpu.max}. */
    private static long quotaOf(Path group) {
        try {
            Path v1 = group.resolve("cpu.cfs_quota_us");
            return Files.exists(v1) ? Long.parseLong(Files.readString(v1).trim())
                    : Long.parseLong(Files.readString(group.resolve("cpu.max")).trim().split(" ")[0]);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
