package kr.jsoft.privacyportal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import kr.jsoft.privacyportal.testing.MutableClock;
import org.junit.jupiter.api.Test;

class StartupPhasesTest {
    private final Instant jvmStart = Instant.parse("2026-12-04T13:00:00Z");
    private final MutableClock clock = new MutableClock(jvmStart.plusMillis(400));
    private final StartupPhases phases = new StartupPhases(clock, jvmStart);

    @Test
    void summaryListsEachPhaseInOrderWithTheTotalSinceTheJvmStarted() {
        phases.record("JVM and settings", phases.sinceStart());
        phases.run("keys", () -> clock.advance(Duration.ofMillis(31)));
        String database = phases.time("database", () -> {
            clock.advance(Duration.ofMillis(1_234));
            return "open";
        });
        Instant starting = phases.now();
        clock.advance(Duration.ofMillis(5));
        phases.recordSince("web server start", starting);

        assertThat(database).isEqualTo("open");
        assertThat(phases.summary()).isEqualTo("Started in 1.67 s since the JVM started: "
                + "JVM and settings 400 ms, keys 31 ms, database 1.23 s, web server start 5 ms");
    }

    @Test
    void aPhaseThatFailsIsStillRecorded() {
        assertThatThrownBy(() -> phases.run("policies", () -> {
            clock.advance(Duration.ofMillis(7));
            throw new IllegalStateException("bad policy file");
        })).hasMessage("bad policy file");

        assertThat(phases.phases()).containsExactly(new StartupPhases.Phase("policies", Duration.ofMillis(7)));
    }
}
