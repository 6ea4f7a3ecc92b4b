package kr.jsoft.privacyportal.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import kr.jsoft.privacyportal.persistence.DatabaseSettings;
import kr.jsoft.privacyportal.persistence.H2Access;
import kr.jsoft.privacyportal.persistence.OwnerOnly;
import org.h2.tools.Restore;

/**
 * Backup and restore of the default H2 database file ({@code docs/operations.md}, "Backup and restore"). The backup
 * is H2's online {@code BACKUP TO}: a consistent zip of the database file, taken by the running portal (the task
 * asks it through its task socket) or, when none runs, by the task on the file itself. The zip is the owner's only
 * ({@code 0600}) from its first byte. Keys and the erasure journal live outside the data directory and are never in
 * it. PostgreSQL is backed up with {@code pg_dump}.
 */
public final class H2Backup {
    private H2Backup() {
    }

    /** The portal is stopped: opens the database file itself and writes a consistent copy to {@code zip}. */
    public static void backup(DatabaseSettings database, Path zip) {
        requireH2(database);
        try (Connection connection = H2Access.open(database).orElseThrow(() -> new IllegalArgumentException(
                "The backup task is for an H2 file database"))) {
            backup(connection, zip);
        } catch (SQLException e) {
            throw new IllegalStateException("H2 backup failed: " + e.getMessage(), e);
        }
    }

    /** Writes a consistent copy of the database behind {@code connection} to {@code zip} (which must not exist yet). */
    public static void backup(Connection connection, Path zip) {
        Path target = zip.toAbsolutePath();
        try {
            Path parent = target.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // Created 0600 before H2 writes into it (H2 would create it with the umask's mode), and never over another file.
            OwnerOnly.newFile(target);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new IllegalArgumentException("Refusing to overwrite " + zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
            backup.setString(1, target.toString());
            backup.execute();
        } catch (SQLException e) {
            deleteQuietly(target);
            throw new IllegalStateException("H2 backup failed: " + e.getMessage(), e);
        }
        OwnerOnly.file(target);
    }

    /**
     * Restores {@code zip} as the database {@code portal} in {@code dataDir}, which must hold no database yet (stop
     * the portal and move the damaged files away first). Every session in the copy is ended: a backup holds the
     * sessions that were live when it was taken, and a copy must not sign anyone in. A copy made by an earlier
     * release (empty password) is re-keyed on the way. The next start re-applies the erasure journal, so nothing
     * destroyed since the backup comes back.
     */
    public static void restore(Path zip, Path dataDir, DatabaseSettings database) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalArgumentException("No backup file " + zip);
        }
        Path file = dataDir.resolve("portal.mv.db");
        if (Files.exists(file)) {
            throw new IllegalArgumentException("A database already exists in " + dataDir
                    + ": move it away before restoring");
        }
        OwnerOnly.directory(dataDir);
        Restore.execute(zip.toString(), dataDir.toString(), "portal");
        OwnerOnly.tree(dataDir);
        try (Connection connection = H2Access.open(database).orElseThrow(
                () -> new IllegalArgumentException("restore is for the default H2 database"))) {
            endSessions(connection);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            // Never leave a copy behind whose sessions still sign people in.
            deleteQuietly(file);
            throw new IllegalStateException("the restored database could not be opened, so it was removed again: "
                    + e.getMessage(), e);
        }
    }

    /** Deletes every stored web session; copies older than the sessions table have none. */
    static int endSessions(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet table = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE UPPER(TABLE_NAME) = 'JETTY_SESSION' AND TABLE_SCHEMA = CURRENT_SCHEMA")) {
            table.next();
            if (table.getLong(1) == 0) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate("DELETE FROM jetty_session");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Reported by the caller's own failure.
        }
    }

    private static void requireH2(DatabaseSettings database) {
        if (!database.url().startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("The backup task is for H2; back up PostgreSQL with pg_dump -Fc "
                    + "(docs/operations.md: Backup and restore)");
        }
    }
}
