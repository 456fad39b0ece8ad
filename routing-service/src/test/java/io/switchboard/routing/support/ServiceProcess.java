package io.switchboard.routing.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One routing-service instance started from the packaged jar, as a separate process. */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final long PROBE_PAUSE_MILLIS = 250;
    private static final int PROBE_TIMEOUT_MILLIS = 1000;
    private static final String HEAP = "-Xmx384m";
    /** A test instance need not drain politely; its state is all in the database. */
    private static final long STOP_GRACE_SECONDS = 3;

    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the jar with the given environment (DB_*, KAFKA_*...) on a free port, and waits until it is ready. */
    public static ServiceProcess start(Path jar, Map<String, String> environment, Path log) {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), HEAP, "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // A jar built for prod runs the "local" profile: development keys, dev-style defaults.
        env.put("QUARKUS_PROFILE", "local");
        builder.environment().putAll(env);
        try {
            ServiceProcess service = new ServiceProcess(builder.start(), port);
            service.awaitReady(log);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Path log) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("routing-service exited with " + process.exitValue() + "; see " + log);
            }
            if (ready()) {
                return;
            }
            try {
                Thread.sleep(PROBE_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        close();
        throw new IllegalStateException("routing-service not ready after " + START_TIMEOUT + "; see " + log);
    }

    private boolean ready() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(baseUri() + "/q/health/ready").toURL()
                    .openConnection();
            connection.setConnectTimeout(PROBE_TIMEOUT_MILLIS);
            connection.setReadTimeout(PROBE_TIMEOUT_MILLIS);
            return connection.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A crash: SIGKILL, no shutdown of any kind. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
