package kr.jsoft.privacyportal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2DurabilityTest {
    @TempDir
    Path dir;

    @Test
    void aFileUrlWritesEveryCommitAndStaysOpenUntilThePortalClosesIt() {
        assertThat(H2Durability.apply("jdbc:h2:file:/srv/data/portal"))
                .isEqualTo("jdbc:h2:file:/srv/data/portal;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void withH2sAutomaticServerItStillWritesEveryCommitButH2ClosesItselfAtExit() {
        // H2 refuses AUTO_SERVER=TRUE together with DB_CLOSE_ON_EXIT=FALSE.
        assertThat(H2Durability.apply("jdbc:h2:file:/srv/data/portal;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:/srv/data/portal;AUTO_SERVER=TRUE;WRITE_DELAY=0");
    }

    @Test
    void anOperatorsOwnDelayIsReplacedNotKept() {
        assertThat(H2Durability.apply("jdbc:h2:./data/portal;write_delay=500;DB_CLOSE_ON_EXIT=TRUE;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:./data/portal;MODE=PostgreSQL;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void otherFileSystemsOfH2AreFilesToo() {
        assertThat(H2Durability.apply("jdbc:h2:nio:/srv/portal")).endsWith(";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void memoryServerAndPostgreSqlUrlsAreLeftAlone() {
        for (String url : new String[] {"jdbc:h2:mem:test", "jdbc:h2:tcp://db/portal", "jdbc:h2:ssl://db/portal",
                "jdbc:postgresql://localhost:5432/portal"}) {
            assertThat(H2Durability.apply(url)).isEqualTo(url);
        }
    }

    @Test
    void thePoolsUrlLeavesTheWriteDelayToTheDatabase() {
        assertThat(H2Durability.forPool("jdbc:h2:./data/portal;write_delay=500;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:./data/portal;MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(H2Durability.forPool("jdbc:postgresql://localhost:5432/portal"))
                .isEqualTo("jdbc:postgresql://localhost:5432/portal");
    }

    @Test
    void aPoolConnectionOpenedWhileMigrationsRunKeepsTheirWriteDelay() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("portal");
        try (Connection first = DriverManager.getConnection(H2Durability.apply(url), "sa", "test-password")) {
            assertThat(writeDelay(first)).isEqualTo("0");
            first.createStatement().execute("SET WRITE_DELAY 500");

            try (Connection added = DriverManager.getConnection(H2Durability.forPool(url), "sa", "test-password")) {
                assertThat(writeDelay(added)).isEqualTo("500");
            }
        }
    }

    private static String writeDelay(Connection connection) throws SQLException {
        try (ResultSet delay = connection.createStatement().executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(delay.next()).isTrue();
            return delay.getString(1);
        }
    }
}
