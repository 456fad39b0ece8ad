package io.switchboard.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application running as {@code java -jar quarkus-run.jar} in its own process: the one launcher of Switchboard's
 * processes ({@code ./switchboard start}, the system tests, the benchmark, and through
 * {@link io.switchboard.stack.test.PackagedService} every multi-instance test of a service).
 */
public final class ApplicationProcess {

    private static final String READINESS_PATH = "/q/health/ready";
    private static final int HTTP_OK = 200;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    private final ServiceApp app;
    private final String baseUrl;
    private final Process process;
    private final Path logFile;

    private ApplicationProcess(ServiceApp app, String baseUrl, Process process, Path logFile) {
        this.app = app;
        this.baseUrl = baseUrl;
        this.process = process;
        this.logFile = logFile;
    }

    public static ApplicationProcess start(ServiceApp app, Path jar, int port, List<String> jvmOptions,
                                    Map<String, String> environment, Path logFile, boolean appendLog) {
        List<String> command = new ArrayList<>();
        command.add(KafkaBroker.java());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    // a restarted application (fault tests) keeps the log of its earlier life
                    .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                            : ProcessBuilder.Redirect.to(logFile.toFile()));
            builder.environment().putAll(environment);
            return new ApplicationProcess(app, "http://127.0.0.1:" + port, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + app.module(), e);
        }
    }

    public ServiceApp app() {
        return app;
    }

    /** E.g. http://127.0.0.1:8081, no trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public java.util.concurrent.CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until GET /q/health/ready answers 200; fails with the log tail when it exits or the time is up. */
    public void awaitReady(long deadlineNanos) {
        URI readiness = URI.create(baseUrl + READINESS_PATH);
        while (System.nanoTime() < deadlineNanos) {
            if (!process.isAlive()) {
                throw failure("exited with status " + process.exitValue());
            }
            if (answersOk(readiness)) {
                return;
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while waiting");
            }
        }
        throw failure("was not ready at " + readiness + " in time");
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(app.module() + " " + what + "; last lines of " + logFile + ":\n"
                + LogFiles.tail(logFile));
    }

    private static boolean answersOk(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == HTTP_OK;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL ({@code kill -9}): no shutdown hook runs, as in a crash; returns once the process is gone. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + app.module(), e);
        }
    }

    /** SIGTERM, so Quarkus shuts down gracefully. */
    public void requestStop() {
        process.destroy();
    }

    /** Waits for the exit after {@link #requestStop()}, and kills the process when the grace period is over. */
    public void awaitStop(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
