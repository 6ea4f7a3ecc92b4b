package kr.jsoft.privacyportal.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import kr.jsoft.privacyportal.persistence.DatabaseSettings;
import org.h2.tools.Restore;

/**
 * Backup and restore of the default H2 database file ({@code docs/operations.md}, "Backup and restore"). The backup
 * is H2's online {@code BACKUP TO}: a consistent zip of the database file taken while the portal
 * runs (the task connects through H2's automatic mixed mode). Keys and the erasure journal live
 * outside the data directory and are never in it. PostgreSQL is backed up with {@code pg_dump}.
 */
public final class H2Backup {
    private H2Backup() {
    }

    /** Writes a consistent copy of the database to {@code zip} (which must not exist yet). */
    public static void backup(DatabaseSettings database, Path zip) {
        requireH2(database);
        if (Files.exists(zip)) {
            throw new IllegalArgumentException("Refusing to overwrite " + zip);
        }
        try (Connection connection = DriverManager.getConnection(
                kr.jsoft.privacyportal.persistence.H2Durability.apply(database.url()), database.user(), database.password());
             PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
            Path parent = zip.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            backup.setString(1, zip.toAbsolutePath().toString());
            backup.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("H2 backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Restores {@code zip} as the database {@code portal} in {@code dataDir}, which must hold no
     * database yet (stop the portal and move the damaged files away first). The next start
     * re-applies the erasure journal, so nothing destroyed since the backup comes back.
     */
    public static void restore(Path zip, Path dataDir) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalArgumentException("No backup file " + zip);
        }
        if (Files.exists(dataDir.resolve("portal.mv.db"))) {
            throw new IllegalArgumentException("A database already exists in " + dataDir
                    + ": move it away before restoring");
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Restore.execute(zip.toString(), dataDir.toString(), "portal");
    }

    private static void requireH2(DatabaseSettings database) {
        if (!database.url().startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("The backup task is for H2; back up PostgreSQL with pg_dump -Fc "
                    + "(docs/operations.md: Backup and restore)");
        }
    }
}
