package kr.jsoft.privacyportal.sms;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.config.Env;
import kr.jsoft.privacyportal.config.Mode;
import kr.jsoft.privacyportal.config.SettingsException;

/**
 * Which {@link SmsGateway} the portal uses: {@code PORTAL_SMS_PROVIDER} {@code sens} (NAVER Cloud
 * SENS, the {@code PORTAL_SENS_*} settings required) or {@code development} (the in-memory
 * {@link DevelopmentSmsInbox}; no SMS leaves the machine). Production accepts only {@code sens}.
 */
public record SmsSettings(Provider provider, Optional<SensSettings> sens) {

    public enum Provider { SENS, DEVELOPMENT }

    private static final Pattern SENDER = Pattern.compile("[0-9-]{7,16}");

    public static SmsSettings fromEnvironment(Env env, Mode mode) {
        Provider provider = env.enumValue("PORTAL_SMS_PROVIDER", Provider.class,
                mode.isProduction() ? Provider.SENS : Provider.DEVELOPMENT);
        if (provider == Provider.DEVELOPMENT) {
            if (mode.isProduction()) {
                throw new SettingsException("PORTAL_SMS_PROVIDER",
                        "must be sens in production mode (development keeps messages in memory and sends none)");
            }
            return new SmsSettings(provider, Optional.empty());
        }
        String serviceId = required(env, "PORTAL_SENS_SERVICE_ID");
        if (serviceId.contains("/") || serviceId.contains("?") || serviceId.contains("#")) {
            throw new SettingsException("PORTAL_SENS_SERVICE_ID", "must not contain '/', '?' or '#'");
        }
        String accessKey = required(env, "PORTAL_SENS_ACCESS_KEY");
        String secretKey = required(env, "PORTAL_SENS_SECRET_KEY");
        String from = required(env, "PORTAL_SENS_FROM");
        if (!SENDER.matcher(from).matches()) {
            throw new SettingsException("PORTAL_SENS_FROM", "must be the registered sender number, digits only");
        }
        URI baseUrl = env.httpUrl("PORTAL_SENS_BASE_URL").orElse(SensSettings.DEFAULT_BASE_URL);
        if (mode.isProduction() && !"https".equals(baseUrl.getScheme())) {
            throw new SettingsException("PORTAL_SENS_BASE_URL", "must be an https:// URL in production mode");
        }
        try {
            return new SmsSettings(provider, Optional.of(new SensSettings(baseUrl, serviceId, accessKey, secretKey, from)));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("PORTAL_SENS_FROM", e.getMessage());
        }
    }

    private static String required(Env env, String name) {
        return env.optional(name).orElseThrow(() -> new SettingsException(name,
                "is required when PORTAL_SMS_PROVIDER is sens (the default in production mode)"));
    }

    @Override
    public String toString() {
        return "SmsSettings[provider=" + provider + ", sens=" + sens.map(SensSettings::toString).orElse("-") + "]";
    }
}
