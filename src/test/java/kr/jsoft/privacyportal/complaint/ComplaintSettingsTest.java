package kr.jsoft.privacyportal.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import kr.jsoft.privacyportal.config.Env;
import kr.jsoft.privacyportal.config.SettingsException;
import org.junit.jupiter.api.Test;

class ComplaintSettingsTest {
    @Test
    void answersAreDueInTenDaysAndDataIsKeptThreeYearsByDefault() {
        ComplaintSettings settings = ComplaintSettings.fromEnvironment(new Env(Map.of()));
        assertThat(settings.due()).isEqualTo(Duration.ofDays(10));
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(1095));
        assertThat(settings.perAddressPerHour()).isEqualTo(5);
        assertThat(settings.perEmailPerHour()).isEqualTo(3);
    }

    @Test
    void periodsAreConfigurableAndNonsenseIsRefused() {
        ComplaintSettings settings = ComplaintSettings.fromEnvironment(new Env(Map.of(
                "PORTAL_COMPLAINT_DUE", "7d", "PORTAL_COMPLAINT_RETENTION", "PT720H")));
        assertThat(settings.due()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> ComplaintSettings.fromEnvironment(new Env(Map.of("PORTAL_COMPLAINT_DUE", "soon"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("PORTAL_COMPLAINT_DUE");
    }

    @Test
    void anAnswerPeriodLongerThanTheLawsTenDaysIsRefused() {
        assertThatThrownBy(() -> ComplaintSettings.fromEnvironment(new Env(Map.of("PORTAL_COMPLAINT_DUE", "11d"))))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("PORTAL_COMPLAINT_DUE").hasMessageContaining("at most 10 days");
        assertThat(ComplaintSettings.fromEnvironment(new Env(Map.of("PORTAL_COMPLAINT_DUE", "240h"))).due())
                .isEqualTo(Duration.ofDays(10));
    }
}
