package kr.jsoft.privacyportal.push;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import kr.jsoft.privacyportal.config.Env;
import kr.jsoft.privacyportal.config.Mode;
import kr.jsoft.privacyportal.config.SettingsException;

/**
 * Push settings. FCM is configured by a service-account key file; production refuses to start
 * without it. Development without it wakes FCM devices with {@link PushGateway#notConfigured}
 * (a configuration-error outcome) while Web Push works with the portal's VAPID key.
 *
 * @param fcm          the service account (its token URI possibly overridden) and the FCM base URL
 * @param vapidContact {@code mailto:} or {@code https:} contact sent to Web Push services (VAPID {@code sub})
 * @param workers      wake-ups sent in parallel
 * @param commandHistory how long a finished command keeps its wake-up attempts and signed payload
 */
public record PushSettings(Optional<Fcm> fcm, String vapidContact, int workers, Duration commandHistory) {

    public record Fcm(FcmServiceAccount account, URI baseUrl) {
    }

    public static PushSettings fromEnvironment(Env env, Mode mode) {
        Optional<String> file = env.optional("PORTAL_FCM_SERVICE_ACCOUNT_FILE");
        Optional<URI> baseUrl = env.httpUrl("PORTAL_FCM_BASE_URL");
        Optional<URI> tokenUri = env.httpUrl("PORTAL_FCM_TOKEN_URI");
        Optional<Fcm> fcm = Optional.empty();
        if (file.isEmpty() && mode.isProduction()) {
            throw new SettingsException("PORTAL_FCM_SERVICE_ACCOUNT_FILE",
                    "is required in production mode (the Firebase service-account JSON key file for FCM HTTP v1)");
        }
        if (file.isPresent()) {
            FcmServiceAccount account;
            try {
                account = FcmServiceAccount.parse(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                throw new SettingsException("PORTAL_FCM_SERVICE_ACCOUNT_FILE", "cannot be used: "
                        + (e instanceof IOException ? "the file cannot be read" : e.getMessage()));
            }
            if (tokenUri.isPresent()) {
                account = account.withTokenUri(tokenUri.get());
            }
            URI base = baseUrl.orElse(FcmGateway.DEFAULT_BASE_URL);
            if (mode.isProduction()) {
                requireHttps("PORTAL_FCM_BASE_URL", base);
                requireHttps("PORTAL_FCM_TOKEN_URI", account.tokenUri());
            }
            fcm = Optional.of(new Fcm(account, base));
        }
        Optional<String> contact = env.optional("PORTAL_VAPID_CONTACT");
        if (contact.isEmpty() && mode.isProduction()) {
            throw new SettingsException("PORTAL_VAPID_CONTACT",
                    "is required in production mode (a mailto: address push services can reach)");
        }
        String vapidContact = contact.orElse("mailto:privacy@localhost");
        if (!vapidContact.startsWith("mailto:") && !vapidContact.startsWith("https:")) {
            throw new SettingsException("PORTAL_VAPID_CONTACT", "must be a mailto: or https: URI");
        }
        int workers = env.integer("PORTAL_PUSH_WORKERS", 16, 1, 256);
        Duration commandHistory = env.duration("PORTAL_COMMAND_HISTORY_RETENTION", Duration.ofDays(90));
        if (commandHistory.compareTo(Duration.ofDays(1)) < 0) {
            throw new SettingsException("PORTAL_COMMAND_HISTORY_RETENTION", "must be at least one day");
        }
        return new PushSettings(fcm, vapidContact, workers, commandHistory);
    }

    private static void requireHttps(String name, URI uri) {
        if (!"https".equals(uri.getScheme())) {
            throw new SettingsException(name, "must be an https:// URL in production mode");
        }
    }

    @Override
    public String toString() {
        return "PushSettings[fcm=" + fcm.map(f -> "project " + f.account().projectId()).orElse("not configured")
                + ", workers=" + workers + "]";
    }
}
