package kr.jsoft.privacyportal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kr.jsoft.privacyportal.Settings;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.testing.MutableClock;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances (two pools, two ids) on one database agree on who runs a job, and a dead holder's lease runs out. */
class JobLeasesIT {
    @TempDir
    static Path dir;
    private static TestDatabase testDatabase;
    private static Database first;
    private static Database second;
    private final MutableClock clock = new MutableClock(PortalFixture.START);
    private JobLeases instanceA;
    private JobLeases instanceB;

    @BeforeAll
    static void openDatabase() {
        testDatabase = TestDatabase.create(dir);
        Map<String, String> env = testDatabase.environment(dir);
        first = Database.open(Settings.fromEnvironment(env).database(), List.copyOf(JobLeases.ENTITIES));
        second = Database.open(Settings.fromEnvironment(env).database(), List.copyOf(JobLeases.ENTITIES));
    }

    @BeforeEach
    void twoInstances() {
        instanceA = new JobLeases(first, clock, "instance-a");
        instanceB = new JobLeases(second, clock, "instance-b");
    }

    @AfterAll
    static void closeDatabase() {
        second.close();
        first.close();
        testDatabase.close();
    }

    @Test
    void whileOneInstanceHoldsALeaseTheOtherSkipsTheJob() {
        assertThat(instanceA.tryAcquire("job:erasure", Duration.ofMinutes(10))).isTrue();
        assertThat(instanceB.tryAcquire("job:erasure", Duration.ofMinutes(10))).isFalse();
        assertThat(instanceB.tryAcquire("job:other", Duration.ofMinutes(10))).as("another job").isTrue();

        instanceA.release("job:erasure");
        assertThat(instanceB.tryAcquire("job:erasure", Duration.ofMinutes(10))).isTrue();
        assertThat(instanceA.tryAcquire("job:erasure", Duration.ofMinutes(10))).isFalse();
    }

    @Test
    void aDeadHoldersLeaseIsTakenOverOnceItRunsOut() {
        assertThat(instanceA.tryAcquire("job:digest", Duration.ofMinutes(10))).isTrue();
        // instance A dies without releasing.
        clock.advance(Duration.ofMinutes(9));
        assertThat(instanceB.tryAcquire("job:digest", Duration.ofMinutes(10))).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(instanceB.tryAcquire("job:digest", Duration.ofMinutes(10))).isTrue();

        instanceA.release("job:digest");
        assertThat(instanceA.tryAcquire("job:digest", Duration.ofMinutes(10)))
                .as("A's late release does not free B's lease").isFalse();
    }

    @Test
    void oneAtATimeRunsTheWorkAndHandsItsResultBack() {
        assertThat(instanceA.oneAtATime("policy-import", () -> "imported")).isEqualTo("imported");
        assertThat(instanceB.oneAtATime("policy-import", () -> "unchanged")).isEqualTo("unchanged");
    }
}
