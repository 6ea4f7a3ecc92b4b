package kr.jsoft.privacyportal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hibernate.Session;

/**
 * "Insert this row unless it exists", portable to H2 and PostgreSQL and quiet when several
 * portal instances race for the same key. Neither database shares an upsert syntax with the
 * other, so the insert runs under a savepoint: a unique-key violation (SQLSTATE 23505) rolls
 * back to it and the caller's transaction goes on (PostgreSQL would otherwise abort the whole
 * transaction). The statement goes through JDBC, not Hibernate, so the expected violation is
 * not logged as an error. On PostgreSQL a racing insert waits for the other transaction and
 * then answers {@code false} once that one committed.
 */
public final class Inserts {
    private static final String UNIQUE_VIOLATION = "23505";

    private Inserts() {
    }

    /**
     * Runs {@code insertSql} with {@code parameters} in the session's transaction; returns true
     * if the row was inserted, false if a row with the same key exists (or just appeared).
     * {@link Instant} parameters are bound as {@code TIMESTAMP WITH TIME ZONE} in UTC.
     */
    public static boolean ifAbsent(Session session, String insertSql, Object... parameters) {
        session.flush(); // the session's pending statements first, in the order the caller made them
        return session.doReturningWork(connection -> ifAbsent(connection, insertSql, parameters));
    }

    private static boolean ifAbsent(Connection connection, String insertSql, Object... parameters) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (PreparedStatement statement = connection.prepareStatement(insertSql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                statement.setObject(i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                connection.rollback(savepoint);
                return false;
            }
            throw e;
        }
        connection.releaseSavepoint(savepoint);
        return true;
    }
}
