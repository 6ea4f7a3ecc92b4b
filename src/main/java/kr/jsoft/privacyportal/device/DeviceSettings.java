package kr.jsoft.privacyportal.device;

import java.time.Duration;
import kr.jsoft.privacyportal.config.Env;
import kr.jsoft.privacyportal.config.Mode;
import kr.jsoft.privacyportal.config.SettingsException;

/**
 * Settings of the device registry (README's settings table lists them).
 *
 * @param inactivity                 devices that have not checked in for this long are erased
 * @param smsPerNumberPerHour        registration codes one phone number may receive per hour
 * @param smsPerDevicePerHour        codes one device key may ask for per hour
 * @param smsPerAddressPerHour       codes one client address may ask for per hour
 * @param smsDailyBudget             codes the whole portal sends per day at most
 * @param allowPrivatePushEndpoints  tests only: accept http and loopback Web Push endpoints
 */
public record DeviceSettings(Duration inactivity, int smsPerNumberPerHour, int smsPerDevicePerHour,
                             int smsPerAddressPerHour, int smsDailyBudget, boolean allowPrivatePushEndpoints) {

    public static DeviceSettings fromEnvironment(Env env, Mode mode) {
        Duration inactivity = env.duration("PORTAL_DEVICE_INACTIVITY", Duration.ofDays(90));
        int perNumber = env.integer("PORTAL_SMS_LIMIT_PER_NUMBER", 5, 1, 1000);
        int perDevice = env.integer("PORTAL_SMS_LIMIT_PER_DEVICE", 5, 1, 1000);
        int perAddress = env.integer("PORTAL_SMS_LIMIT_PER_ADDRESS", 20, 1, 100_000);
        int budget = env.integer("PORTAL_SMS_DAILY_BUDGET", 1000, 1, 10_000_000);
        boolean allowPrivate = env.bool("PORTAL_PUSH_ALLOW_PRIVATE_ENDPOINTS", false);
        if (allowPrivate && mode.isProduction()) {
            // Private endpoints would let anyone make the portal send requests into its own network (SSRF).
            throw new SettingsException("PORTAL_PUSH_ALLOW_PRIVATE_ENDPOINTS", "must be false in production mode");
        }
        return new DeviceSettings(inactivity, perNumber, perDevice, perAddress, budget, allowPrivate);
    }
}
