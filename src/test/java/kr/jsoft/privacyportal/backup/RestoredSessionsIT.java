package kr.jsoft.privacyportal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import kr.jsoft.privacyportal.Settings;
import kr.jsoft.privacyportal.persistence.DatabaseSettings;
import kr.jsoft.privacyportal.persistence.H2Durability;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import kr.jsoft.privacyportal.testing.TestDatabase;
import org.htmlunit.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A backup holds the sessions that were live when it was taken; the restored copy signs none of them in. */
class RestoredSessionsIT {
    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();
    @TempDir
    Path dir;

    @Test
    void aRestoredBackupHoldsNoLiveSession() throws Exception {
        assumeFalse(TestDatabase.postgresql(), "the restore task is for H2; PostgreSQL restores with pg_restore");
        try (WebClient signedIn = new StaffAccounts(portal).signedIn(Role.AUDITOR)) {
            Map<String, String> running = portal.environment();
            assertThat(sessions(running)).as("the signed-in session is stored").isPositive();
            Path zip = dir.resolve("portal.zip");
            H2Backup.backup(Settings.fromEnvironment(running).openingDatabase(), zip);

            Map<String, String> restored = new HashMap<>(running);
            restored.put("PORTAL_DATA_DIR", dir.resolve("restored").toString());
            H2Backup.restore(zip, dir.resolve("restored"), Settings.fromEnvironment(restored).openingDatabase());

            assertThat(sessions(restored)).isZero();
        }
    }

    private static long sessions(Map<String, String> env) throws Exception {
        DatabaseSettings db = Settings.fromEnvironment(env).openingDatabase();
        try (Connection connection = DriverManager.getConnection(H2Durability.apply(db.url()), db.user(), db.password());
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from jetty_session")) {
            count.next();
            return count.getLong(1);
        }
    }
}
