package kr.jsoft.privacyportal.device;

import java.time.Instant;
import java.util.List;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.sms.DevelopmentSmsInbox;

/**
 * Reads the development SMS inbox for the dashboard. The messages hold numbers and codes, so a
 * reading is an access record ({@code personal-data.view} on {@code dev-sms-inbox}, with how
 * many messages were shown and never a number or text). Numbers leave here masked.
 */
final class DevelopmentSmsReader {
    /** Target type of the access record. */
    static final String TARGET = "dev-sms-inbox";

    /** One message as the dashboard shows it. */
    public record InboxLine(Instant sentAt, String maskedTo, String text) { }

    private final Database database;
    private final AuditLog auditLog;
    private final DevelopmentSmsInbox inbox;

    public DevelopmentSmsReader(Database database, AuditLog auditLog, DevelopmentSmsInbox inbox) {
        this.database = database;
        this.auditLog = auditLog;
        this.inbox = inbox;
    }

    /** The kept messages, newest first, recorded as viewed by {@code by}'s actor. */
    public List<InboxLine> read(AuditEvent by) {
        List<InboxLine> lines = inbox.recent().stream()
                .map(m -> new InboxLine(m.sentAt(), MaskedNumber.of(m.to()), m.text())).toList();
        database.inTransaction(session -> auditLog.record(session, by.withAction(AuditEvent.PERSONAL_DATA_VIEW)
                .target(TARGET, null).detail("messages shown=" + lines.size())));
        return lines;
    }
}
