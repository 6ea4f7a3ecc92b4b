package kr.jsoft.privacyportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up refusals: a bad setting, production without its keys. */
class StartupIT {
    @TempDir
    Path dir;

    @Test
    void badSettingStopsStartUpWithOneLineNamingIt() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Main(Map.of("PORTAL_PORT", "http"), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[0]);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("Cannot start: PORTAL_PORT: must be a whole number between 0 and 65535, got 'http'")
                .doesNotContain("\n");
    }

    @Test
    void productionRefusesToStartWithoutKeys() throws Exception {
        Path serviceAccount = dir.resolve("fcm.json");
        java.nio.file.Files.writeString(serviceAccount, new kr.jsoft.privacyportal.push.TestServiceAccount()
                .json(java.net.URI.create("https://oauth2.googleapis.com/token")));
        Settings production = Settings.fromEnvironment(Map.ofEntries(
                Map.entry("PORTAL_FCM_SERVICE_ACCOUNT_FILE", serviceAccount.toString()),
                Map.entry("PORTAL_VAPID_CONTACT", "mailto:privacy@example.org"),
                Map.entry("PORTAL_MODE", "production"),
                Map.entry("PORTAL_BASE_URL", "https://privacy.example"),
                Map.entry("PORTAL_PORT", "0"),
                Map.entry("PORTAL_DATA_DIR", dir.resolve("data").toString()),
                Map.entry("PORTAL_KEY_DIR", dir.resolve("keys").toString()),
                Map.entry("PORTAL_SENS_SERVICE_ID", "ncp:sms:kr:1:portal"),
                Map.entry("PORTAL_SENS_ACCESS_KEY", "access"),
                Map.entry("PORTAL_SENS_SECRET_KEY", "secret"),
                Map.entry("PORTAL_SENS_FROM", "0212345678")));

        assertThatThrownBy(() -> PortalServer.create(production, Clock.systemUTC()))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("PORTAL_KEY_DIR: has no portal-keys.jwks");
        assertThat(dir.resolve("keys")).doesNotExist();
    }

    @Test
    void keysGenerateTaskWritesKeysForProduction() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Main(Map.of("PORTAL_DATA_DIR", dir.resolve("data").toString(),
                "PORTAL_KEY_DIR", dir.resolve("keys").toString()), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"keys", "generate"});

        assertThat(status).isZero();
        assertThat(dir.resolve("keys").resolve("portal-keys.jwks")).exists();
    }
}
