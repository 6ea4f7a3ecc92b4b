package kr.jsoft.privacyportal.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules of PIPA Art. 34 and Enforcement Decree Arts. 39-40, without a server. */
class BreachDutiesTest {
    private static final Instant DISCOVERED = Instant.parse("2026-12-01T01:00:00Z");

    private static BreachDuties duties(IncidentScope scope, long devices, Integer estimate, boolean sensitive,
                                       boolean hacking) {
        return BreachDuties.of(new BreachDuties.Facts(DISCOVERED, scope, devices, estimate, sensitive, hacking));
    }

    @Test
    void nineHundredNinetyNinePeopleOweANoticeButNoReport() {
        BreachDuties duties = duties(IncidentScope.WINDOW, 999, null, false, false);
        assertThat(duties.report()).isFalse();
        assertThat(duties.reportReasons()).isEmpty();
        assertThat(duties.peopleCounted()).isEqualTo(999);
        assertThat(duties.deadline()).isEqualTo(DISCOVERED.plus(Duration.ofHours(72)));
    }

    @Test
    void oneThousandPeopleMustBeReported() {
        BreachDuties duties = duties(IncidentScope.WINDOW, 1000, null, false, false);
        assertThat(duties.report()).isTrue();
        assertThat(duties.reportReasons()).containsExactly(BreachDuties.ReportReason.THOUSAND_OR_MORE);
    }

    @Test
    void anEstimateAboveTheDeviceCountCountsAndIsNoLongerALowerBound() {
        BreachDuties duties = duties(IncidentScope.WINDOW, 10, 1500, false, false);
        assertThat(duties.peopleCounted()).isEqualTo(1500);
        assertThat(duties.countIsLowerBound()).isFalse();
        assertThat(duties.basis()).isEqualTo(BreachDuties.CountBasis.ESTIMATE);
        assertThat(duties.reportReasons()).containsExactly(BreachDuties.ReportReason.THOUSAND_OR_MORE);
    }

    @Test
    void sensitiveInformationOrHackingMustBeReportedWhateverTheCount() {
        assertThat(duties(IncidentScope.DEVICE_LIST, 1, null, true, false).reportReasons())
                .containsExactly(BreachDuties.ReportReason.SENSITIVE_OR_UNIQUE_IDENTIFIER);
        assertThat(duties(IncidentScope.DEVICE_LIST, 1, null, false, true).reportReasons())
                .containsExactly(BreachDuties.ReportReason.OUTSIDE_HACKING);
        assertThat(duties(IncidentScope.ALL_DEVICES, 2000, null, true, true).reportReasons()).hasSize(3);
    }

    @Test
    void registeredDevicesAreALowerBoundExceptForAnExactList() {
        assertThat(duties(IncidentScope.WINDOW, 5, null, false, false).countIsLowerBound()).isTrue();
        assertThat(duties(IncidentScope.ALL_DEVICES, 5, null, false, false).countIsLowerBound()).isTrue();
        assertThat(duties(IncidentScope.DEVICE_LIST, 5, null, false, false).basis())
                .isEqualTo(BreachDuties.CountBasis.LISTED_DEVICES);
        assertThat(duties(IncidentScope.WINDOW, 5, 3, false, false).basis())
                .isEqualTo(BreachDuties.CountBasis.REGISTERED_DEVICES);
    }

    @Test
    void onlyPeopleWhoCannotBeReachedNeedThePublicNotice() {
        assertThat(duties(IncidentScope.UNREACHABLE, 0, null, false, false).publicNotice()).isTrue();
        assertThat(duties(IncidentScope.WINDOW, 5, null, false, false).publicNotice()).isFalse();
    }

    @Test
    void theClockCountsDownFromDiscoveryAndGoesNegativePastTheDeadline() {
        BreachDuties duties = duties(IncidentScope.WINDOW, 1, null, false, false);
        assertThat(duties.left(DISCOVERED.plus(Duration.ofHours(30)))).isEqualTo(Duration.ofHours(42));
        assertThat(duties.left(DISCOVERED.plus(Duration.ofHours(73)))).isNegative();
    }
}
