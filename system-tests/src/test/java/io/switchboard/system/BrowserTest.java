package io.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.stack.ServiceApp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the Playwright browser tests of {@code e2e/} (the walk-through with a contact page and an agent page side by
 * side, transfer and conference with a second agent, a session-service outage in mid-conversation) in Debian's
 * Chromium against the running system. Screenshots land in {@code target/screenshots/}.
 *
 * <p>The browser tests cannot kill a process themselves: this test serves them a small control endpoint on loopback
 * ({@code SWITCHBOARD_FAULTS_URL}: {@code POST /kill/session} and {@code POST /restart/session}, the latter answering
 * once the service is ready again; {@code POST /cut/database} and {@code /restore/database}, PostgreSQL away for every
 * application, through a proxy).
 *
 * <p>{@code -Dswitchboard.e2e.tests=tests/attached-data.test.js,tests/pages.test.js} runs only those files (paths
 * relative to {@code e2e/}), e.g. while working on one page.
 */
@Order(2)
@ExtendWith(RunningSystem.class)
class BrowserTest {

    private static final Path E2E = Path.of("e2e");
    private static final Path CHROMIUM = Path.of(System.getProperty("switchboard.chromium", "/usr/bin/chromium"));
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    /**
     * A guard against a hung browser, not a speed check: the whole Chromium suite (about 20 scenarios, each with its
     * own waits) takes 5-8 minutes on a quiet 2-core machine and about twice that on a busy one.
     */
    private static final Duration TESTS_TIMEOUT = Duration.ofMinutes(20);
    /** Lines of each failed scenario's report repeated in the failure message. */
    private static final int FAILURE_LINES = 25;
    /** Comma-separated test files to run instead of all of them. */
    private static final String ONLY = System.getProperty("switchboard.e2e.tests", "").trim();

    @Test
    void theWebPagesWorkInARealBrowser(RunningSystem system) throws Exception {
        // .ci/run installs Chromium; on a developer machine without it this test says so instead of failing.
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
                + " (apt-get install chromium); browser tests skipped");
        if (!Files.isDirectory(E2E.resolve("node_modules").resolve("playwright-core"))) {
            assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund"), system, NPM_TIMEOUT, "npm-ci.log"))
                    .as("npm ci in e2e/ (see target/npm-ci.log)").isZero();
        }
        List<String> tests = ONLY.isEmpty() ? List.of("npm", "test")
                : Stream.concat(Stream.of("node", "--test", "--test-concurrency=1"),
                        Arrays.stream(ONLY.split(",")).map(String::trim).filter(s -> !s.isEmpty())).toList();
        int exit = run(tests, system, TESTS_TIMEOUT, "browser-tests.log");
        assertThat(exit).as("browser tests (see target/browser-tests.log and target/screenshots/); failed:%n%s",
                failures(Path.of("target", "browser-tests.log"))).isZero();
    }

    /**
     * The report of each failed scenario (TAP: from {@code not ok} to the end of its YAML block), cut to a few lines:
     * the build's failure summary then says which assertion failed, where CI shows only the end of the output.
     */
    static String failures(Path tapLog) throws IOException {
        StringBuilder out = new StringBuilder();
        int lines = 0;
        boolean inFailure = false;
        for (String line : Files.readAllLines(tapLog)) {
            if (line.stripLeading().startsWith("not ok ")) {
                inFailure = true;
                lines = 0;
            }
            if (inFailure && lines++ < FAILURE_LINES) {
                out.append(line).append('\n');
            }
            if (inFailure && line.strip().equals("...")) {
                inFailure = false;
            }
        }
        return out.toString();
    }

    private static int run(List<String> command, RunningSystem system, Duration timeout, String logName)
            throws IOException, InterruptedException {
        Path log = Path.of("target", logName);
        ProcessBuilder builder = new ProcessBuilder(command).directory(E2E.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SWITCHBOARD_URL", system.gatewayUrl());
        HttpServer faults = faultControl(system);
        builder.environment().put("SWITCHBOARD_FAULTS_URL",
                "http://127.0.0.1:" + faults.getAddress().getPort());
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout
                        + "; output: " + Files.readString(log));
            }
        } finally {
            faults.stop(0);
        }
        // The runner's own report goes to the build output, so a failure is readable in CI's log.
        System.out.println(Files.readString(log));
        return process.exitValue();
    }

    /** Loopback only: kill -9 and restart of an application, for the outage scenes of the browser tests. */
    private static HttpServer faultControl(RunningSystem system) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/kill/session", exchange -> control(exchange, () -> system.kill(ServiceApp.SESSION)));
        server.createContext("/restart/session",
                exchange -> control(exchange, () -> system.restart(ServiceApp.SESSION)));
        server.createContext("/cut/database", exchange -> control(exchange, system::cutDatabase));
        server.createContext("/restore/database", exchange -> control(exchange, system::restoreDatabase));
        server.start();
        return server;
    }

    private static void control(HttpExchange exchange, Runnable action) throws IOException {
        int status = 204;
        byte[] body = new byte[0];
        if (!"POST".equals(exchange.getRequestMethod())) {
            status = 405;
        } else {
            try {
                action.run();
            } catch (RuntimeException e) {
                status = 500;
                body = String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8);
            }
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
