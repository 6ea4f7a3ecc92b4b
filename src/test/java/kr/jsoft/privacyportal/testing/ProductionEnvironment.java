package kr.jsoft.privacyportal.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * Every setting production mode requires, filled with harmless values: tests start from this
 * and remove or change one setting to check the refusal that names it. A feature that adds a
 * production requirement adds its setting here.
 */
public final class ProductionEnvironment {
    private ProductionEnvironment() {
    }

    private static java.nio.file.Path serviceAccountFile() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("fcm-service-account", ".json");
            file.toFile().deleteOnExit();
            java.nio.file.Files.writeString(file, new kr.jsoft.privacyportal.testing.TestServiceAccount()
                    .json(java.net.URI.create("https://oauth2.googleapis.com/token")));
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> complete() {
        Map<String, String> env = new HashMap<>();
        env.put("PORTAL_MODE", "production");
        env.put("PORTAL_BASE_URL", "https://privacy.example.kr");
        env.put("PORTAL_DB_PASSWORD", "a-production-database-password");
        // mail (issue 6)
        env.put("PORTAL_SMTP_HOST", "smtp.example.kr");
        env.put("PORTAL_MAIL_FROM", "privacy@example.kr");
        env.put("PORTAL_MANAGER_ALERT_EMAIL", "manager@example.kr");
        // SMS (issue 8)
        env.put("PORTAL_SENS_SERVICE_ID", "ncp:sms:kr:1:portal");
        env.put("PORTAL_SENS_ACCESS_KEY", "access");
        env.put("PORTAL_SENS_SECRET_KEY", "secret");
        env.put("PORTAL_SENS_FROM", "0212345678");
        // push (issue 9): a service-account file with a freshly generated test key
        env.put("PORTAL_FCM_SERVICE_ACCOUNT_FILE", serviceAccountFile().toString());
        env.put("PORTAL_VAPID_CONTACT", "mailto:privacy@example.kr");
        return env;
    }
}
