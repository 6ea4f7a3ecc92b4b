package kr.jsoft.privacyportal.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts as log lines at ERROR, at most one per topic and detail every 10 minutes so that a broken
 * configuration does not flood the log with one line per wake-up.
 */
final class LoggingManagerAlerts implements ManagerAlerts {
    static final Duration QUIET = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(LoggingManagerAlerts.class);
    private final Clock clock;
    private final Map<String, Instant> lastSent = new HashMap<>();

    public LoggingManagerAlerts(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void alert(String topic, String detail) {
        Instant now = clock.instant();
        String key = topic + "|" + detail;
        synchronized (lastSent) {
            Instant last = lastSent.get(key);
            if (last != null && now.isBefore(last.plus(QUIET))) {
                return;
            }
            lastSent.put(key, now);
        }
        log.error("MANAGER ALERT {}: {}", topic, detail);
    }
}
