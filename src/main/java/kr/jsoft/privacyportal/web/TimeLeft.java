package kr.jsoft.privacyportal.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How long until a deadline, or how long past it, in words of the reader's language
 * ("2일 3시간 남음", "40 min overdue"): the two largest units, so a glance is enough. Shared by
 * every dashboard page that shows a deadline.
 */
public final class TimeLeft {
    private TimeLeft() {
    }

    /** The words for {@code due} as seen at {@code now}. */
    public static String words(Instant due, Instant now, Locale locale) {
        Duration left = Duration.between(now, due);
        boolean past = left.isNegative();
        String amount = amount(left.abs(), locale);
        return Messages.resolve(locale, past ? "time.overdue" : "time.left", amount);
    }

    /** A duration in its two largest units: "3일 4시간", "2 h 5 min", "45초". */
    public static String amount(Duration duration, Locale locale) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return hours == 0 ? Messages.resolve(locale, "time.days", days)
                    : Messages.resolve(locale, "time.days-hours", days, hours);
        }
        if (hours > 0) {
            return minutes == 0 ? Messages.resolve(locale, "time.hours", hours)
                    : Messages.resolve(locale, "time.hours-minutes", hours, minutes);
        }
        if (minutes > 0) {
            return Messages.resolve(locale, "time.minutes", minutes);
        }
        return Messages.resolve(locale, "time.seconds", duration.toSecondsPart());
    }
}
