package io.switchboard.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL 14 server (zonky's packaged binaries, run by pg_ctl) with trust authentication. Its data
 * directory survives a restart unless {@code clean} is asked for, so the local stack keeps its data.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final int STANDARD_PORT = 15432;
    public static final String USER = "postgres";
    /** Authentication is "trust": any password is accepted; this one is only passed on for clients that need one. */
    public static final String PASSWORD = "postgres";
    private static final String HOST = "127.0.0.1";

    private final EmbeddedPostgres postgres;
    private final DatabaseServer server;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseServer server) {
        this.postgres = postgres;
        this.server = server;
    }

    /**
     * @param dataDirectory where the cluster lives; created (initdb) when it holds none yet
     * @param clean         wipe the data directory first, and again when closed
     * @param logFile       where the server's output goes
     */
    public static EmbeddedDatabase start(int port, Path dataDirectory, boolean clean, Path logFile) {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            StaleProcesses.stopPostgres(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    // the owner stops the servers from its own hook, in order
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new EmbeddedDatabase(postgres, new DatabaseServer(HOST, port, USER, PASSWORD));
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + " (log: " + logFile + ")", e);
        }
    }

    public DatabaseServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        server.createDatabase(name);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
