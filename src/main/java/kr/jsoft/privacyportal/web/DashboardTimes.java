package kr.jsoft.privacyportal.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Times on the dashboard pages, to the second in Korean time: staff compare them with the audit
 * log and with codes that arrive seconds apart. Public for the templates ({@code ${times.of(x)}}).
 */
public final class DashboardTimes {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'KST'");

    public String of(Instant instant) {
        return instant == null ? "—" : FORMAT.format(instant.atZone(Dates.SEOUL));
    }
}
