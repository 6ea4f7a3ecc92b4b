package kr.jsoft.privacyportal.command;

/**
 * Raises that something needs a person (push credentials rejected, a request the push service
 * calls malformed). {@link LoggingManagerAlerts} is the one implementation: an ERROR log line
 * ({@code MANAGER ALERT …}) for the operators' log alerting; the dispatcher also writes a
 * {@code push.alert} audit entry. Alerts never contain personal data.
 */
interface ManagerAlerts {

    /**
     * @param topic  a stable name, e.g. {@code push.config-error}
     * @param detail a technical detail without personal data (no tokens, endpoints or numbers)
     */
    void alert(String topic, String detail);
}
