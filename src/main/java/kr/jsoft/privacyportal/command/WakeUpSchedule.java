package kr.jsoft.privacyportal.command;

import java.time.Duration;
import java.util.List;

/**
 * When to wake a device again: at once when a command is queued, then after about 1 minute,
 * 10 minutes, 1 hour, 6 hours and then daily, until the command is finished or expires. A push
 * service's temporary failure is retried within the slot (Retry-After, else jittered back-off) up
 * to {@link #MAX_RETRIES} times before the schedule moves on to the next slot.
 */
final class WakeUpSchedule {
    static final List<Duration> INTERVALS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(10),
            Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1));
    static final int MAX_RETRIES = 5;

    private WakeUpSchedule() {
    }

    /** The pause after the attempt of slot {@code slot} (0 = the immediate first wake-up). */
    static Duration after(int slot) {
        return INTERVALS.get(Math.min(slot, INTERVALS.size() - 1));
    }
}
