package kr.jsoft.privacyportal.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Times on the dashboard pages, to the second in Korean time with the zone said: staff compare
 * them with the audit log and with codes that arrive seconds apart. Public for the templates
 * ({@code ${times.of(x)}}); the pages keep each on one line.
 */
public final class DashboardTimes {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'KST'");

    /**
     * An {@link Instant}, an {@code Optional<Instant>} or null (a dash). One method, not overloads:
     * the template language picks overloads by the argument's run-time type, and null has none.
     */
    public String of(Object value) {
        Object instant = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        return instant instanceof Instant at ? FORMAT.format(at.atZone(Dates.SEOUL)) : "—";
    }
}
