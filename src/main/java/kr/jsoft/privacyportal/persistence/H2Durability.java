package kr.jsoft.privacyportal.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What every H2 file database of the portal is opened with, whoever wrote its URL:
 * {@code WRITE_DELAY=0}, because H2's default (500 ms) acknowledges a commit before it reaches
 * the file and a killed process loses every commit of its last half second (a complaint's
 * receipt shown, then gone; a reference issued twice); and {@code DB_CLOSE_ON_EXIT=FALSE},
 * because H2's own shutdown hook would otherwise close the database while the portal's
 * shutdown is still finishing requests and mail ({@link Database#close} closes it, last).
 * This makes a commit survive the process, not the machine: H2 promises nothing on an
 * operating-system crash or power loss (README: production belongs on PostgreSQL).
 */
public final class H2Durability {
    private static final Pattern WRITE_DELAY = Pattern.compile("(?i);\\s*WRITE_DELAY\\s*=[^;]*");
    private static final Pattern CLOSE_ON_EXIT = Pattern.compile("(?i);\\s*DB_CLOSE_ON_EXIT\\s*=[^;]*");
    private static final Pattern AUTO_SERVER = Pattern.compile("(?i);\\s*AUTO_SERVER\\s*=\\s*TRUE\\s*(;|$)");

    private H2Durability() {
    }

    /** {@code url} with both settings for an H2 file database (an operator's value for them replaced); others as given. */
    public static String apply(String url) {
        if (!isH2File(url)) {
            return url;
        }
        String rest = CLOSE_ON_EXIT.matcher(WRITE_DELAY.matcher(url).replaceAll("")).replaceAll("");
        // Settings refuses AUTO_SERVER (a database socket for every local user); H2 would also refuse it
        // together with DB_CLOSE_ON_EXIT=FALSE, so such a URL, if it ever got here, keeps H2's close at exit.
        return rest + ";WRITE_DELAY=0" + (opensServer(url) ? "" : ";DB_CLOSE_ON_EXIT=FALSE");
    }

    /**
     * {@link #apply} for the pool's connections: the same, except that the write delay is left to the
     * database. H2 runs a URL's settings again at every new connection, and {@code WRITE_DELAY} is the
     * whole database's: each connection the pool added in the background while Flyway migrated (and the
     * mapping thread's first one) set it back to 0, so most migrations wrote every commit out after all
     * (about a sixth of the migrating thread's CPU). The first connection ({@link H2Access#open}, with
     * {@link #apply}) sets 0 when the database opens, and {@link #duringMigrations} 0 again after them.
     */
    static String forPool(String url) {
        if (!isH2File(url)) {
            return url;
        }
        String rest = CLOSE_ON_EXIT.matcher(WRITE_DELAY.matcher(url).replaceAll("")).replaceAll("");
        return rest + (opensServer(url) ? "" : ";DB_CLOSE_ON_EXIT=FALSE");
    }

    /**
     * Runs {@code migrations} on an H2 file with H2's own write delay (500 ms) instead of writing each of
     * their commits to the file before going on (on a busy disk that was most of a first start's migration
     * time), then writes everything out (CHECKPOINT) and goes back to {@code WRITE_DELAY=0} before the
     * portal does anything else. A process killed meanwhile loses the last migrations together with their
     * rows in Flyway's history (H2 writes consistent versions), so the next start applies them again.
     * Nothing a person was told is done can be lost this way: migrations run before any request is served.
     */
    static void duringMigrations(DataSource dataSource, String url, Runnable migrations) {
        if (!isH2File(url)) {
            migrations.run();
            return;
        }
        set(dataSource, "SET WRITE_DELAY 500");
        try {
            migrations.run();
        } catch (RuntimeException e) {
            try {
                set(dataSource, "SET WRITE_DELAY 0");
            } catch (RuntimeException restoring) {
                e.addSuppressed(restoring);
            }
            throw e;
        }
        set(dataSource, "CHECKPOINT");
        set(dataSource, "SET WRITE_DELAY 0");
    }

    private static void set(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + sql + " on the H2 database: " + e.getMessage(), e);
        }
    }

    /** {@code AUTO_SERVER=TRUE}: H2's automatic mixed mode, a TCP server whose key sits in the lock file. */
    public static boolean opensServer(String url) {
        return AUTO_SERVER.matcher(url).find();
    }

    /** An embedded H2 file: {@code jdbc:h2:file:…} or a bare path ({@code jdbc:h2:./data/portal}) or another file system
     * ({@code nio:}, {@code async:}); not in memory, not a server's ({@code tcp:}, {@code ssl:}), not read-only ({@code zip:}). */
    static boolean isH2File(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = lower.substring("jdbc:h2:".length());
        return !(rest.startsWith("mem:") || rest.startsWith("memfs:") || rest.startsWith("memlzf:")
                || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:"));
    }
}
