package kr.jsoft.privacyportal.command;

/**
 * Tells the privacy manager that something needs a person (push credentials rejected, a request
 * the push service calls malformed). The mail feature will implement it; until then
 * {@link LoggingManagerAlerts} writes a log line. Alerts never contain personal data.
 */
interface ManagerAlerts {

    /**
     * @param topic  a stable name, e.g. {@code push.config-error}
     * @param detail a technical detail without personal data (no tokens, endpoints or numbers)
     */
    void alert(String topic, String detail);
}
