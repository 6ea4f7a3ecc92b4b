package kr.jsoft.privacyportal.destruction;

import java.time.Duration;
import kr.jsoft.privacyportal.config.Env;

/**
 * Settings of destruction requests (README's settings table lists them).
 *
 * @param perNumberPerHour  requests per phone number per hour (counted whether or not devices exist)
 * @param perAddressPerHour requests per client address per hour
 * @param perDevicePerHour  approval prompts one device is shown per hour; further requests reach it
 *                          without a prompt (it is still wiped if another device approves)
 * @param wipeExpiry        how long a WIPE_APP_DATA waits for an offline device before the request
 *                          ends "not confirmed on device N" (default 9 days: the result is due within
 *                          10 days of receipt, PIPA Enforcement Decree Art. 43(3))
 * @param waitingPeriod     without the device: how long the registered devices may cancel
 *                          before WIPE_APP_DATA is queued (default 72 hours, at most 7 days)
 * @param lostDeviceWipeExpiry without the device: how long the WIPE_APP_DATA waits for a device to
 *                          check in again (default 90 days, the registry's inactivity period); past
 *                          day 10 the requester has had the interim result ({@code DeadlineKeeper})
 */
public record DestructionSettings(int perNumberPerHour, int perAddressPerHour, int perDevicePerHour,
                                  Duration wipeExpiry, Duration waitingPeriod, Duration lostDeviceWipeExpiry) {
    public static DestructionSettings fromEnvironment(Env env) {
        return new DestructionSettings(
                env.integer("PORTAL_DESTRUCTION_LIMIT_PER_NUMBER", 3, 1, 1000),
                env.integer("PORTAL_DESTRUCTION_LIMIT_PER_ADDRESS", 10, 1, 100_000),
                env.integer("PORTAL_DESTRUCTION_LIMIT_PER_DEVICE", 3, 1, 1000),
                // The result is due within 10 days of receipt (PIPA Enforcement Decree Art. 43(3)): a wipe
                // waits at most 9 days so the certificate can follow in time; the waiting period leaves
                // room for the wipe and the result after it.
                env.duration("PORTAL_DESTRUCTION_WIPE_EXPIRY", Duration.ofDays(9), Duration.ofDays(9),
                        "the result is due within 10 days of receipt, PIPA Enforcement Decree Art. 43(3)"),
                env.duration("PORTAL_DESTRUCTION_WAITING_PERIOD", Duration.ofHours(72), Duration.ofDays(7),
                        "the result is due within 10 days of receipt, PIPA Enforcement Decree Art. 43(3)"),
                env.duration("PORTAL_DESTRUCTION_LOST_DEVICE_WIPE_EXPIRY", Duration.ofDays(90)));
    }
}
