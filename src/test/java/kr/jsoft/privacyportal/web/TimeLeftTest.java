package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeLeftTest {
    private static final Instant NOW = Instant.parse("2026-12-04T01:00:00Z");

    @Test
    void aDeadlineAheadIsTheTimeLeftInTheTwoLargestUnits() {
        assertThat(TimeLeft.words(NOW.plus(Duration.ofDays(2).plusHours(3).plusMinutes(5)), NOW, Lang.KO.locale()))
                .isEqualTo("2일 3시간 남음");
        assertThat(TimeLeft.words(NOW.plus(Duration.ofMinutes(40)), NOW, Lang.EN.locale())).isEqualTo("40 min left");
    }

    @Test
    void aDeadlinePastSaysHowLongAgo() {
        assertThat(TimeLeft.words(NOW.minus(Duration.ofDays(1)), NOW, Lang.EN.locale())).isEqualTo("1 day overdue");
        assertThat(TimeLeft.words(NOW.minus(Duration.ofSeconds(20)), NOW, Lang.KO.locale())).isEqualTo("20초 지남");
    }
}
