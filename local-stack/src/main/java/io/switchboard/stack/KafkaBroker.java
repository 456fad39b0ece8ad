package io.switchboard.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run as a separate JVM
 * so that the Kafka server and Scala jars never meet Quarkus' class path. Its jars are listed by the kafka-runtime
 * module. The data directory keeps a fixed cluster id, so a restart on the same directory keeps the topics.
 */
public final class KafkaBroker implements AutoCloseable {

    public static final int STANDARD_PORT = 19092;
    public static final int STANDARD_CONTROLLER_PORT = 19093;
    /** Overrides the class path listed by the kafka-runtime module (a java -cp string). */
    public static final String CLASSPATH_PROPERTY = "switchboard.kafka.classpath";
    private static final String CLASSPATH_RESOURCE = "io/switchboard/stack/kafka-runtime.classpath";
    private static final String HOST = "127.0.0.1";
    /**
     * Every test run adds its own prefixed topics (12 partitions each) to a broker that keeps its data: a long-lived
     * local broker ran out of 512 MB with a few thousand partitions.
     */
    private static final String HEAP = "-Xmx1g";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final Process process;
    private final Path logFile;
    private final Path pidFile;
    private final String bootstrapServers;

    private KafkaBroker(Process process, Path logFile, Path pidFile, String bootstrapServers) {
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats {@code dataDirectory} if needed, starts the broker and waits until it answers.
     *
     * @param dataDirectory holds server.properties, cluster.id, broker.pid and the log segments (logs/)
     */
    public static KafkaBroker start(int port, int controllerPort, Path dataDirectory, Path logFile) {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Path pidFile = dataDirectory.resolve("broker.pid");
            StaleProcesses.stopJava(pidFile);
            String classpath = classpath();
            Path logDirs = dataDirectory.resolve("logs");
            Path properties = dataDirectory.resolve("server.properties");
            Files.writeString(properties, serverProperties(port, controllerPort, logDirs));
            if (!Files.exists(logDirs.resolve("meta.properties"))) {
                format(classpath, clusterId(dataDirectory), properties, logFile);
            }
            Process process = new ProcessBuilder(java(), HEAP,
                    "-Dorg.slf4j.simpleLogger.showDateTime=true",
                    "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS",
                    "-cp", classpath, "kafka.Kafka", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            KafkaBroker broker = new KafkaBroker(process, logFile, pidFile, HOST + ":" + port);
            broker.awaitReady();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka (log: " + logFile + ")", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path logFile() {
        return logFile;
    }

    /** All event topics and {@code extraTopics} with the prefix; see {@link KafkaTopics#createAll}. */
    public List<String> createTopics(String prefix, Collection<String> extraTopics) {
        return KafkaTopics.createAll(bootstrapServers, prefix, extraTopics);
    }

    public List<String> createTopics(String prefix) {
        return createTopics(prefix, List.of());
    }

    /**
     * Stops the broker (SIGTERM for a controlled shutdown, killed after a grace period). There is no shutdown hook
     * here: the owner stops the servers from its own hook, in order.
     */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: controlled shutdown
            try {
                if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // only a hint for the next start
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with status " + process.exitValue() + "; log "
                        + logFile + ":\n" + LogFiles.tail(logFile));
            }
            if (KafkaTopics.answers(bootstrapServers)) {
                return;
            }
            sleep(POLL_INTERVAL);
        }
        close();
        throw new IllegalStateException("Kafka did not answer on " + bootstrapServers + " within " + START_TIMEOUT
                + "; log " + logFile + ":\n" + LogFiles.tail(logFile));
    }

    /** Dynamic quorum (KIP-853) with this node as the only voter; see toolchain notes 5.2. */
    static String serverProperties(int port, int controllerPort, Path logDirs) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=" + HOST + ":" + controllerPort,
                "listeners=PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + HOST + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirs.toAbsolutePath(),
                "auto.create.topics.enable=true",
                "num.partitions=" + KafkaTopics.PARTITIONS,
                // one node: every internal topic has one replica
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // consumers of a fresh group start at once instead of after 3 s
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    /** The id is kept beside the data: formatting needs it, and a different one would not match meta.properties. */
    private static String clusterId(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    private static void format(String classpath, String clusterId, Path properties, Path logFile) throws IOException {
        Process format = new ProcessBuilder(java(), "-cp", classpath, "kafka.tools.StorageTool", "format",
                "-t", clusterId, "-c", properties.toString(), "--standalone", "--ignore-formatted")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            if (!format.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("Kafka storage format timed out; log " + logFile);
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException("Kafka storage format failed (status " + format.exitValue() + "); log "
                    + logFile + ":\n" + LogFiles.tail(logFile));
        }
    }

    static String classpath() throws IOException {
        String override = System.getProperty(CLASSPATH_PROPERTY);
        if (override != null && !override.isBlank()) {
            return override;
        }
        ClassLoader loader = KafkaBroker.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build the io.switchboard:kafka-runtime"
                        + " module (mvn -pl local-stack -am package) or set -D" + CLASSPATH_PROPERTY);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
