package io.switchboard.stack.test;

import io.switchboard.stack.Directories;
import io.switchboard.stack.Infrastructure;
import io.switchboard.stack.InfrastructureSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One set of servers per test JVM. Quarkus may load the test resource class in more than one class loader, so the
 * running servers are announced in system properties (seen by all of them) in the same variables an external
 * environment would use; a second class loader then treats them as external and starts nothing.
 */
final class SharedInfrastructure {

    /** A string literal is interned, so it is one lock object for every class loader of the JVM. */
    private static final String LOCK = "io.switchboard.stack.test.SharedInfrastructure.lock";
    private static final String ANNOUNCED = "switchboard.test.shared.";

    private static Infrastructure instance;

    private SharedInfrastructure() {
    }

    static Infrastructure get() {
        synchronized (LOCK) {
            if (instance == null) {
                instance = startOrReuse();
            }
            return instance;
        }
    }

    private static Infrastructure startOrReuse() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        System.getProperties().forEach((key, value) -> {
            String name = key.toString();
            if (name.startsWith(ANNOUNCED)) {
                environment.put(name.substring(ANNOUNCED.length()), value.toString());
            }
        });
        try {
            Path base = Files.createTempDirectory("switchboard-test-");
            Infrastructure infrastructure = Infrastructure.start(
                    InfrastructureSettings.freePorts(base.resolve("data"), base.resolve("logs")), environment);
            if (infrastructure.embeddedParts().isEmpty()) {
                Directories.deleteRecursively(base); // all external: nothing of ours to keep there
            } else {
                System.err.println("[switchboard-test] started " + infrastructure.embeddedParts() + " (logs in "
                        + base.resolve("logs") + ")");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(infrastructure, base),
                        "switchboard-test-infra-stop"));
            }
            infrastructure.environment().forEach((name, value) -> System.setProperty(ANNOUNCED + name, value));
            return infrastructure;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stop(Infrastructure infrastructure, Path base) {
        infrastructure.close();
        try {
            Directories.deleteRecursively(base);
        } catch (IOException e) {
            System.err.println("[switchboard-test] cannot delete " + base + ": " + e);
        }
    }
}
