package kr.jsoft.privacyportal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NoticePeriodTest {
    /** 00:00 KST on 1 December 2026. */
    static final Instant MIDNIGHT_KST = Instant.parse("2026-11-30T15:00:00Z");

    @Test
    void aVersionTakesEffectAtMidnightInSeoul() {
        assertThat(NoticePeriod.effectiveInstant(LocalDate.of(2026, 12, 8))).isEqualTo("2026-12-07T15:00:00Z");
    }

    @Test
    void exactlySevenDaysIsEnough() {
        assertThat(NoticePeriod.allows(MIDNIGHT_KST, LocalDate.of(2026, 12, 8), false)).isTrue();
        assertThat(NoticePeriod.earliestEffectiveDate(MIDNIGHT_KST, false)).isEqualTo(LocalDate.of(2026, 12, 8));
    }

    @Test
    void sixDaysTwentyThreeHoursIsRefusedAndTheNextDayIsTheEarliest() {
        Instant posted = MIDNIGHT_KST.plus(Duration.ofHours(1));

        assertThat(NoticePeriod.allows(posted, LocalDate.of(2026, 12, 8), false)).isFalse();
        assertThat(NoticePeriod.earliestEffectiveDate(posted, false)).isEqualTo(LocalDate.of(2026, 12, 9));
    }

    @Test
    void anUnfavourableRevisionNeedsThirtyDays() {
        assertThat(NoticePeriod.allows(MIDNIGHT_KST, LocalDate.of(2026, 12, 30), true)).isFalse();
        assertThat(NoticePeriod.allows(MIDNIGHT_KST, LocalDate.of(2026, 12, 31), true)).isTrue();
        assertThat(NoticePeriod.earliestEffectiveDate(MIDNIGHT_KST, true)).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void aMillisecondPastMidnightPushesTheEarliestDateByADay() {
        assertThat(NoticePeriod.earliestEffectiveDate(MIDNIGHT_KST.plusMillis(1), false))
                .isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(NoticePeriod.earliestEffectiveDate(MIDNIGHT_KST.minusMillis(1), false))
                .isEqualTo(LocalDate.of(2026, 12, 8));
    }
}
