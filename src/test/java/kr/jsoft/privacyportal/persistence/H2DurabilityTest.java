package kr.jsoft.privacyportal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2DurabilityTest {

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
}
