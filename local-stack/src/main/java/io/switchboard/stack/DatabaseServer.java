package io.switchboard.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Where a PostgreSQL server answers (embedded or external), and how to make databases in it. */
public record DatabaseServer(String host, int port, String user, String password) {

    /** The maintenance database every PostgreSQL server has; CREATE DATABASE runs there. */
    private static final String MAINTENANCE_DATABASE = "postgres";
    /** Database names are put into SQL, so only plain identifiers are accepted. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The form Quarkus' reactive PostgreSQL client takes ({@code quarkus.datasource.reactive.url}). */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /**
     * Drops the database if it exists, closing the sessions still in it (PostgreSQL 13+). A run's own databases go
     * when it ends: left behind they pile up in a shared server, and autovacuum visiting them all loads the machine.
     */
    public void dropDatabase(String name) {
        requirePlain(name);
        try (Connection connection = connect(MAINTENANCE_DATABASE);
             Statement drop = connection.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name + " on " + host + ":" + port, e);
        }
    }

    /**
     * {@link #dropDatabase} at the end of a run: a server that is gone already (a fault test stops it) or refuses
     * leaves the database behind, said on stderr, and the run's own result stands.
     */
    public void dropLeftover(String name) {
        try {
            dropDatabase(name);
        } catch (RuntimeException e) {
            System.err.println("[switchboard] " + e.getMessage() + " (left behind)");
        }
    }

    private static void requirePlain(String name) {
        if (!PLAIN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
    }

    /** Creates the database unless it exists already. */
    public void createDatabase(String name) {
        requirePlain(name);
        try (Connection connection = connect(MAINTENANCE_DATABASE);
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            // Two callers racing for the same name: the loser sees duplicate_database (42P04), which is fine.
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + name + " on " + host + ":" + port, e);
            }
        }
    }
}
