package kr.jsoft.privacyportal.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the portal opens an H2 file database so that no other local user can: its files only the owner's
 * ({@link OwnerOnly}), and a password. A database made by an earlier release has the user {@code sa} with an
 * empty password: it opens once with that and is re-keyed to the configured (or derived) password, so a copy
 * of the file alone no longer opens it.
 */
public final class H2Access {
    private static final Logger log = LoggerFactory.getLogger(H2Access.class);

    private H2Access() {
    }

    /**
     * Opens one connection to the database of {@code settings} (an H2 file; others give empty), re-keying an
     * old empty-password database first; the caller holds it while its pool starts, so the file is opened once.
     */
    public static Optional<Connection> open(DatabaseSettings settings) throws SQLException {
        if (!H2Durability.isH2File(settings.url())) {
            return Optional.empty();
        }
        // A folder H2 would create gets the owner's mode; an existing one (the data directory) is restricted at start.
        databaseFile(settings.url()).map(Path::getParent).filter(dir -> !Files.exists(dir)).ifPresent(OwnerOnly::directory);
        String url = H2Durability.apply(settings.url());
        createTraceFile(settings.url());
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, settings.user(), settings.password());
        } catch (SQLException refused) {
            if (refused.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD || settings.password().isEmpty()) {
                throw refused;
            }
            connection = rekey(url, settings, refused);
        }
        restrictFiles(settings.url());
        return Optional.of(connection);
    }

    /** Every file of the database (data, lock, trace, temporary) {@code 0600}: H2 creates them with the umask's modes. */
    public static void restrictFiles(String url) {
        databaseFile(url).ifPresent(file -> {
            Path dir = file.getParent();
            if (!Files.isDirectory(dir)) {
                return;
            }
            String prefix = file.getFileName().toString() + ".";
            try (var files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().startsWith(prefix)).forEach(OwnerOnly::file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * H2 writes its trace (errors, with SQL) to {@code <name>.trace.db} whenever it has something to say, created with
     * the umask's mode: made {@code 0600} beforehand, H2 appends to it and the mode stays.
     */
    private static void createTraceFile(String url) {
        databaseFile(url).map(file -> file.resolveSibling(file.getFileName() + ".trace.db"))
                .filter(trace -> Files.isDirectory(trace.getParent()) && !Files.exists(trace))
                .ifPresent(trace -> {
                    try {
                        OwnerOnly.newFile(trace);
                    } catch (java.nio.file.FileAlreadyExistsException raced) {
                        // Created meanwhile: restricted after the open.
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    private static Connection rekey(String url, DatabaseSettings settings, SQLException refused) throws SQLException {
        Connection old;
        try {
            old = DriverManager.getConnection(url, settings.user(), "");
        } catch (SQLException alsoRefused) {
            refused.addSuppressed(alsoRefused);
            throw refused;
        }
        try (Statement statement = old.createStatement();
             ResultSet user = statement.executeQuery("SELECT CURRENT_USER")) {
            user.next();
            // H2 takes a user's name as an identifier: quoted, since it may be lower case or hold odd characters.
            String name = "\"" + user.getString(1).replace("\"", "\"\"") + "\"";
            try (PreparedStatement alter = old.prepareStatement("ALTER USER " + name + " SET PASSWORD ?")) {
                alter.setString(1, settings.password());
                alter.execute();
            }
            if (!old.getAutoCommit()) {
                old.commit();
            }
        } catch (SQLException e) {
            old.close();
            throw e;
        }
        log.warn("The H2 database {} had an empty password (an earlier release): it has its password now.",
                settings.url());
        return old;
    }

    /** The path of {@code portal.mv.db} without its extension, for a {@code jdbc:h2:file:} or bare-path URL. */
    static Optional<Path> databaseFile(String url) {
        if (!H2Durability.isH2File(url)) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        int semicolon = rest.indexOf(';');
        String name = semicolon < 0 ? rest : rest.substring(0, semicolon);
        for (String prefix : new String[] {"file:", "nio:", "async:", "split:", "nioMapped:"}) {
            if (name.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
                name = name.substring(prefix.length());
            }
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name).toAbsolutePath());
    }
}
