package kr.jsoft.privacyportal.destruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import kr.jsoft.privacyportal.config.Env;
import kr.jsoft.privacyportal.config.SettingsException;
import org.junit.jupiter.api.Test;

class DestructionSettingsTest {
    private static DestructionSettings with(String name, String value) {
        return DestructionSettings.fromEnvironment(new Env(Map.of(name, value)));
    }

    @Test
    void noSettingStretchesTheTenDayDeadline() {
        assertThatThrownBy(() -> with("PORTAL_DESTRUCTION_WIPE_EXPIRY", "10d")).isInstanceOf(SettingsException.class)
                .hasMessageContaining("PORTAL_DESTRUCTION_WIPE_EXPIRY").hasMessageContaining("at most 9 days")
                .hasMessageContaining("10 days of receipt");
        assertThatThrownBy(() -> with("PORTAL_DESTRUCTION_WAITING_PERIOD", "169h"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("PORTAL_DESTRUCTION_WAITING_PERIOD").hasMessageContaining("at most 7 days");
    }

    @Test
    void theLimitsThemselvesAndTheLostDeviceWipeOf90DaysAreAccepted() {
        assertThat(with("PORTAL_DESTRUCTION_WIPE_EXPIRY", "9d").wipeExpiry()).isEqualTo(Duration.ofDays(9));
        assertThat(with("PORTAL_DESTRUCTION_WAITING_PERIOD", "7d").waitingPeriod()).isEqualTo(Duration.ofDays(7));
        // The lost-device wipe may wait for the phone; the requester has the day-10 result meanwhile.
        assertThat(DestructionSettings.fromEnvironment(new Env(Map.of())).lostDeviceWipeExpiry())
                .isEqualTo(Duration.ofDays(90));
    }
}
