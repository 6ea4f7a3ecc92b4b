package kr.jsoft.privacyportal;

import kr.jsoft.privacyportal.config.Mode;
import kr.jsoft.privacyportal.config.SettingsException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsRunInDevelopmentOnPort8080WithH2UnderData() {
        Settings settings = Settings.fromEnvironment(Map.of());

        assertThat(settings.mode()).isEqualTo(Mode.DEVELOPMENT);
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.dataDir()).isEqualTo(Path.of("data").toAbsolutePath().normalize());
        assertThat(settings.database().url()).startsWith("jdbc:h2:file:").endsWith("/data/portal");
        assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void portThatIsNotANumberIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_PORT", "eighty")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("PORTAL_PORT: must be a whole number between 0 and 65535, got 'eighty'");
    }

    @Test
    void portOutOfRangeIsRefused() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_PORT", "70000")))
                .hasMessage("PORTAL_PORT: must be between 0 and 65535, got 70000");
    }

    @Test
    void unknownModeListsTheAllowedOnes() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_MODE", "staging")))
                .hasMessage("PORTAL_MODE: must be one of development, production, got 'staging'");
    }

    @Test
    void durationsAcceptUnitsAndIsoForm() {
        assertThat(Settings.fromEnvironment(Map.of("PORTAL_SHUTDOWN_TIMEOUT", "45s")).shutdownTimeout())
                .isEqualTo(Duration.ofSeconds(45));
        assertThat(Settings.fromEnvironment(Map.of("PORTAL_SHUTDOWN_TIMEOUT", "PT2M")).shutdownTimeout())
                .isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_SHUTDOWN_TIMEOUT", "soon")))
                .hasMessageStartingWith("PORTAL_SHUTDOWN_TIMEOUT: must be a duration");
    }

    @Test
    void claimsLastThirtySecondsByDefaultAndALeaseOutsideThreeSecondsToTenMinutesIsRefused() {
        assertThat(Settings.fromEnvironment(Map.of()).lease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(Settings.fromEnvironment(Map.of("PORTAL_LEASE", "5s")).lease()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_LEASE", "1s")))
                .hasMessage("PORTAL_LEASE: must be between 3s and 10m");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_LEASE", "1h")))
                .hasMessage("PORTAL_LEASE: must be between 3s and 10m");
    }

    @Test
    void databaseUrlMustBeH2OrPostgreSql() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_DB_URL", "jdbc:mysql://db/portal")))
                .hasMessage("PORTAL_DB_URL: must be a jdbc:h2: or jdbc:postgresql: URL");
    }

    @Test
    void baseUrlMustBeAbsoluteHttp() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_BASE_URL", "privacy.jsoft.kr")))
                .hasMessageStartingWith("PORTAL_BASE_URL: must be an absolute http:// or https:// URL");
        assertThat(Settings.fromEnvironment(Map.of("PORTAL_BASE_URL", "https://privacy.jsoft.kr/"))
                .configuredBaseUrl()).hasValueSatisfying(uri -> assertThat(uri).hasToString("https://privacy.jsoft.kr"));
    }

    @Test
    void productionRequiresAnHttpsBaseUrl() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_MODE", "production")))
                .hasMessageStartingWith("PORTAL_BASE_URL: is required in production mode");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_MODE", "production",
                "PORTAL_BASE_URL", "http://privacy.jsoft.kr")))
                .hasMessage("PORTAL_BASE_URL: must be an https:// URL in production mode");
    }

    @Test
    void keyDirectoryInsideTheDataDirectoryIsRefused() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_DATA_DIR", "/srv/portal",
                "PORTAL_KEY_DIR", "/srv/portal/keys")))
                .hasMessageStartingWith("PORTAL_KEY_DIR: must be outside PORTAL_DATA_DIR");
    }

    @Test
    void databasePasswordNeverAppearsInTheSettingsDescription() {
        Settings settings = Settings.fromEnvironment(Map.of("PORTAL_DB_PASSWORD", "s3cret-value"));

        assertThat(settings.toString()).doesNotContain("s3cret-value");
    }

    @Test
    void productionRefusesToStartWithoutAnSmsProvider() {
        Map<String, String> production = Map.of("PORTAL_MODE", "production", "PORTAL_BASE_URL", "https://privacy.example");

        assertThatThrownBy(() -> Settings.fromEnvironment(production))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("PORTAL_SENS_SERVICE_ID: is required when PORTAL_SMS_PROVIDER is sens");
        java.util.Map<String, String> development = new java.util.HashMap<>(production);
        development.put("PORTAL_SMS_PROVIDER", "development");
        assertThatThrownBy(() -> Settings.fromEnvironment(development))
                .hasMessageStartingWith("PORTAL_SMS_PROVIDER: must be sens in production mode");
    }

    @Test
    void sensSettingsAreReadWithoutEchoingTheSecret() {
        Settings settings = Settings.fromEnvironment(Map.of("PORTAL_SMS_PROVIDER", "sens",
                "PORTAL_SENS_SERVICE_ID", "ncp:sms:kr:1:portal", "PORTAL_SENS_ACCESS_KEY", "access",
                "PORTAL_SENS_SECRET_KEY", "top-secret", "PORTAL_SENS_FROM", "02-1234-5678",
                "PORTAL_SENS_BASE_URL", "http://127.0.0.1:9999"));

        assertThat(settings.sms().sens()).hasValueSatisfying(sens -> {
            assertThat(sens.from()).isEqualTo("0212345678");
            assertThat(sens.baseUrl().toString()).isEqualTo("http://127.0.0.1:9999");
        });
        assertThat(settings.toString()).doesNotContain("top-secret");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_SMS_PROVIDER", "sens",
                "PORTAL_SENS_SERVICE_ID", "x", "PORTAL_SENS_ACCESS_KEY", "a", "PORTAL_SENS_SECRET_KEY", "s")))
                .hasMessageStartingWith("PORTAL_SENS_FROM: is required");
    }

    @Test
    void developmentDefaultsToTheInboxAndNinetyDaysOfInactivity() {
        Settings settings = Settings.fromEnvironment(Map.of());

        assertThat(settings.sms().provider()).isEqualTo(kr.jsoft.privacyportal.sms.SmsSettings.Provider.DEVELOPMENT);
        assertThat(settings.devices().inactivity()).isEqualTo(Duration.ofDays(90));
        assertThat(settings.devices().allowPrivatePushEndpoints()).isFalse();
    }

    @Test
    void privatePushEndpointsAreRefusedInProduction() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_MODE", "production",
                "PORTAL_BASE_URL", "https://privacy.example", "PORTAL_SENS_SERVICE_ID", "s",
                "PORTAL_SENS_ACCESS_KEY", "a", "PORTAL_SENS_SECRET_KEY", "k", "PORTAL_SENS_FROM", "0212345678",
                "PORTAL_PUSH_ALLOW_PRIVATE_ENDPOINTS", "true")))
                .hasMessage("PORTAL_PUSH_ALLOW_PRIVATE_ENDPOINTS: must be false in production mode");
    }


    @Test
    void productionRefusesToStartWithoutFcm() {
        Map<String, String> withoutFcm = kr.jsoft.privacyportal.testing.ProductionEnvironment.complete();
        withoutFcm.remove("PORTAL_FCM_SERVICE_ACCOUNT_FILE");
        assertThatThrownBy(() -> Settings.fromEnvironment(withoutFcm))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("PORTAL_FCM_SERVICE_ACCOUNT_FILE: is required in production mode");
    }

    @Test
    void anUnreadableServiceAccountFileIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("fcm.json");
        java.nio.file.Files.writeString(file, "{\"type\":\"service_account\"}");

        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_FCM_SERVICE_ACCOUNT_FILE", file.toString())))
                .hasMessage("PORTAL_FCM_SERVICE_ACCOUNT_FILE: cannot be used: service account lacks project_id");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_FCM_SERVICE_ACCOUNT_FILE",
                dir.resolve("missing.json").toString())))
                .hasMessage("PORTAL_FCM_SERVICE_ACCOUNT_FILE: cannot be used: the file cannot be read");
    }

    @Test
    void fcmSettingsPointTheGatewayAtAnotherServer(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("fcm.json");
        java.nio.file.Files.writeString(file, new kr.jsoft.privacyportal.testing.TestServiceAccount()
                .json(java.net.URI.create("https://oauth2.googleapis.com/token")));

        Settings settings = Settings.fromEnvironment(Map.of("PORTAL_FCM_SERVICE_ACCOUNT_FILE", file.toString(),
                "PORTAL_FCM_BASE_URL", "http://127.0.0.1:9000", "PORTAL_FCM_TOKEN_URI", "http://127.0.0.1:9000/token"));

        assertThat(settings.push().fcm()).hasValueSatisfying(fcm -> {
            assertThat(fcm.baseUrl().toString()).isEqualTo("http://127.0.0.1:9000");
            assertThat(fcm.account().tokenUri().toString()).isEqualTo("http://127.0.0.1:9000/token");
        });
        assertThat(settings.toString()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void developmentRunsWithoutFcmAndWithADefaultVapidContact() {
        Settings settings = Settings.fromEnvironment(Map.of());

        assertThat(settings.push().fcm()).isEmpty();
        assertThat(settings.push().vapidContact()).startsWith("mailto:");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_VAPID_CONTACT", "privacy@example.org")))
                .hasMessage("PORTAL_VAPID_CONTACT: must be a mailto: or https: URI");
    }

    @Test
    void withoutTrustedProxiesNoForwardedHeaderIsBelievedAndEachInstanceGetsItsOwnId() {
        Settings one = Settings.fromEnvironment(Map.of("HOSTNAME", "portal-7.example"));
        Settings two = Settings.fromEnvironment(Map.of("HOSTNAME", "portal-7.example"));

        assertThat(one.trustedProxies()).isEmpty();
        assertThat(one.instanceId()).startsWith("portal-7-example-").isNotEqualTo(two.instanceId());
        assertThat(Settings.fromEnvironment(Map.of("PORTAL_INSTANCE_ID", "blue_2")).instanceId()).isEqualTo("blue_2");
    }

    @Test
    void trustedProxiesAreAddressesAndRangesAndANameIsRefusedNamingTheSetting() {
        Settings settings = Settings.fromEnvironment(Map.of("PORTAL_TRUSTED_PROXIES", " 10.0.0.0/8, 192.168.1.10 ,",
                "PORTAL_FORWARDED_HEADER", "forwarded"));
        assertThat(settings.trustedProxies()).containsExactly("10.0.0.0/8", "192.168.1.10");
        assertThat(settings.forwardedHeader()).isEqualTo(kr.jsoft.privacyportal.web.ClientAddress.Header.FORWARDED);

        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_TRUSTED_PROXIES", "lb.internal")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("PORTAL_TRUSTED_PROXIES: 'lb.internal' is not an IP address or CIDR range");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_INSTANCE_ID", "a.b")))
                .hasMessageStartingWith("PORTAL_INSTANCE_ID:");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_DB_POOL_SIZE", "1")))
                .hasMessageStartingWith("PORTAL_DB_POOL_SIZE:");
    }

    @Test
    void theMetricsEndpointIsOffUnlessAPortIsSetAndListensOnLoopbackByDefault() {
        assertThat(Settings.fromEnvironment(Map.of()).operations().port()).isEmpty();
        Settings withPort = Settings.fromEnvironment(Map.of("PORTAL_METRICS_PORT", "9464"));
        assertThat(withPort.operations().port()).contains(9464);
        assertThat(withPort.operations().host()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_METRICS_PORT", "99999")))
                .hasMessageContaining("PORTAL_METRICS_PORT");
    }

    @Test
    void aLogFormatOtherThanTextOrJsonIsRefused() {
        assertThat(Settings.fromEnvironment(Map.of("PORTAL_LOG_FORMAT", "json")).operations().logFormat())
                .isEqualTo(kr.jsoft.privacyportal.metrics.MetricsSettings.LogFormat.JSON);
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_LOG_FORMAT", "JSON")))
                .hasMessageContaining("PORTAL_LOG_FORMAT");
    }

    @Test
    void theDefaultH2UrlOpensNoServerAndIsDurable() {
        String url = Settings.fromEnvironment(Map.of()).database().url();
        assertThat(url).doesNotContainIgnoringCase("AUTO_SERVER");
        assertThat(kr.jsoft.privacyportal.persistence.H2Durability.apply(url))
                .endsWith(";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void h2sAutomaticServerIsRefused() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORTAL_DB_URL", "jdbc:h2:file:./data/portal;AUTO_SERVER=TRUE")))
                .hasMessageStartingWith("PORTAL_DB_URL: must not set AUTO_SERVER=TRUE");
    }

    @Test
    void productionNeedsAnH2PasswordAndNeverOpensH2sServer() {
        Map<String, String> production = new java.util.HashMap<>(kr.jsoft.privacyportal.testing.ProductionEnvironment.complete());
        production.remove("PORTAL_DB_PASSWORD");
        assertThatThrownBy(() -> Settings.fromEnvironment(production))
                .hasMessageStartingWith("PORTAL_DB_PASSWORD: is required for H2 in production mode");
        production.put("PORTAL_DB_PASSWORD", "secret");
        production.put("PORTAL_H2_SERVER", "true");
        assertThatThrownBy(() -> Settings.fromEnvironment(production))
                .hasMessageStartingWith("PORTAL_H2_SERVER: is for development only");
        assertThat(Settings.fromEnvironment(Map.of("PORTAL_H2_SERVER", "true")).database().h2ServerPort()).hasValue(9092);
    }

    @Test
    void developmentDerivesAnH2PasswordFromTheKeysUnlessOneIsConfigured(@org.junit.jupiter.api.io.TempDir Path dir) {
        Map<String, String> env = Map.of("PORTAL_DATA_DIR", dir.resolve("data").toString(),
                "PORTAL_KEY_DIR", dir.resolve("keys").toString());
        Settings settings = Settings.fromEnvironment(env);
        String derived = settings.openingDatabase().password();
        assertThat(derived).hasSize(64).isEqualTo(settings.openingDatabase().password());

        Map<String, String> configured = new java.util.HashMap<>(env);
        configured.put("PORTAL_DB_PASSWORD", "the operator's");
        assertThat(Settings.fromEnvironment(configured).openingDatabase().password()).isEqualTo("the operator's");
    }
}
