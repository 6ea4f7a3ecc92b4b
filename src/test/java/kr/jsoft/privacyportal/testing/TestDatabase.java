package kr.jsoft.privacyportal.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, empty database for one portal under test: an H2 file in the test's own folder,
 * or (with {@code -Ppostgresql}, see README) a new schema in the test PostgreSQL server that
 * is dropped afterwards.
 */
public final class TestDatabase implements AutoCloseable {
    private final Map<String, String> settings;
    private final String schema;

    private TestDatabase(Map<String, String> settings, String schema) {
        this.settings = settings;
        this.schema = schema;
    }

    public static boolean postgresql() {
        return "postgresql".equals(System.getProperty("portal.test.db", "h2"));
    }

    public static TestDatabase create(Path dataDir) {
        if (!postgresql()) {
            return new TestDatabase(Map.of(), null);
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        String url = System.getProperty("portal.test.pg.url");
        try (Connection connection = DriverManager.getConnection(url, user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the test PostgreSQL at " + url
                    + " (see README: running the tests on PostgreSQL)", e);
        }
        String separator = url.contains("?") ? "&" : "?";
        return new TestDatabase(Map.of(
                "PORTAL_DB_URL", url + separator + "currentSchema=" + schema,
                "PORTAL_DB_USER", user(),
                "PORTAL_DB_PASSWORD", password()), schema);
    }

    private static String user() {
        return System.getProperty("portal.test.pg.user", "portal");
    }

    private static String password() {
        return System.getProperty("portal.test.pg.password", "portal");
    }

    /**
     * The environment of a portal without a server whose data and keys live under {@code root} and whose
     * database is this one; a mutable copy for the test to add its own settings to.
     */
    public Map<String, String> environment(Path root) {
        Map<String, String> env = new HashMap<>(settings);
        env.put("PORTAL_DATA_DIR", root.resolve("data").toString());
        env.put("PORTAL_KEY_DIR", root.resolve("keys").toString());
        return env;
    }

    /** The PORTAL_DB_* settings that point the portal at this database (empty for the default H2 file). */
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public void close() {
        if (schema == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(System.getProperty("portal.test.pg.url"), user(),
                password()); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test schema " + schema, e);
        }
    }
}
