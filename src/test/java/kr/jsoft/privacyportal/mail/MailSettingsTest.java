package kr.jsoft.privacyportal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import kr.jsoft.privacyportal.Settings;
import kr.jsoft.privacyportal.config.SettingsException;
import org.junit.jupiter.api.Test;

class MailSettingsTest {
    private static Map<String, String> production(String... without) {
        Map<String, String> env = kr.jsoft.privacyportal.testing.ProductionEnvironment.complete();
        for (String name : without) {
            env.remove(name);
        }
        return env;
    }

    @Test
    void developmentWithoutAHostUsesTheEmbeddedMailboxWithDefaults() {
        MailSettings mail = Settings.fromEnvironment(Map.of()).mail();

        assertThat(mail.usesDevelopmentMailbox()).isTrue();
        assertThat(mail.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(mail.maxAttempts()).isEqualTo(8);
        assertThat(mail.security()).isEqualTo(MailSettings.Security.STARTTLS);
    }

    @Test
    void productionRefusesToStartWithoutHostSenderOrAlertAddressNamingTheSetting() {
        for (String setting : new String[] {"PORTAL_SMTP_HOST", "PORTAL_MAIL_FROM", "PORTAL_MANAGER_ALERT_EMAIL"}) {
            assertThatThrownBy(() -> Settings.fromEnvironment(production(setting)))
                    .isInstanceOf(SettingsException.class)
                    .hasMessageStartingWith(setting + ": is required in production mode");
        }
        assertThat(Settings.fromEnvironment(production()).mail().smtpPort()).isEqualTo(587);
    }

    @Test
    void smtpsDefaultsToPort465AndPlainSmtpToARemoteHostIsRefusedInProduction() {
        Map<String, String> smtps = production();
        smtps.put("PORTAL_SMTP_SECURITY", "smtps");
        assertThat(Settings.fromEnvironment(smtps).mail().smtpPort()).isEqualTo(465);
        Map<String, String> plain = production();
        plain.put("PORTAL_SMTP_SECURITY", "none");
        assertThatThrownBy(() -> Settings.fromEnvironment(plain)).hasMessageStartingWith("PORTAL_SMTP_SECURITY:");
    }

    @Test
    void badAddressesAndAUserWithoutPasswordAreRefusedWithoutEchoingSecrets() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_MAIL_FROM", "not an address")))
                .hasMessage("PORTAL_MAIL_FROM: is not a valid email address");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_SMTP_USER", "portal")))
                .hasMessage("PORTAL_SMTP_PASSWORD: is required together with PORTAL_SMTP_USER");
        MailSettings mail = Settings.fromEnvironment(Map.of("PORTAL_SMTP_USER", "portal",
                "PORTAL_SMTP_PASSWORD", "hunter2-secret")).mail();
        assertThat(mail.toString()).doesNotContain("hunter2-secret");
    }

    @Test
    void backOffDoublesUpToTheCap() {
        MailBackoff backoff = new MailBackoff(Duration.ofMinutes(2), Duration.ofHours(6), new Random(1) {
            @Override
            public double nextDouble() {
                return 1.0;
            }
        });

        assertThat(backoff.after(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofMinutes(32));
        assertThat(backoff.after(40)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void errorTextsKeepNoAddresses() {
        String text = MailDispatcher.describe(new jakarta.mail.SendFailedException(
                "550 5.1.1 <minji@example.kr>: Recipient address rejected"));

        assertThat(text).isEqualTo("SendFailedException: 550 5.1.1 <<address>>: Recipient address rejected");
        assertThat(OutboxDashboard.mask("minji@example.kr")).isEqualTo("m***@example.kr");
    }
}
