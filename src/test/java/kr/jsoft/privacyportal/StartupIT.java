package kr.jsoft.privacyportal;

import kr.jsoft.privacyportal.config.SettingsException;
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
    void productionRefusesToStartWithoutKeys() {
        java.util.Map<String, String> env = kr.jsoft.privacyportal.testing.ProductionEnvironment.complete();
        env.put("PORTAL_PORT", "0");
        env.put("PORTAL_DATA_DIR", dir.resolve("data").toString());
        env.put("PORTAL_KEY_DIR", dir.resolve("keys").toString());
        Settings production = Settings.fromEnvironment(env);

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
