package io.switchboard.stack.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The database of the running test's service (the one {@link SwitchboardInfrastructure} created last), over plain
 * JDBC: for facts no API shows (what was processed, what waits in the outbox) and for leaving rows as a crashed
 * process would have. Parameters are JDBC's {@code ?}, bound in order.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(SwitchboardInfrastructure.jdbcUrl(), SwitchboardInfrastructure.databaseUser(),
                SwitchboardInfrastructure.databasePassword());
    }

    /** An insert, update or DDL; the rows changed. */
    public static int execute(String sql, Object... parameters) {
        try (Connection db = connect(); PreparedStatement statement = prepare(db, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of the first row as a number (a {@code count(*)}). */
    public static long count(String sql, Object... parameters) {
        try (Connection db = connect(); PreparedStatement query = prepare(db, sql, parameters);
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
