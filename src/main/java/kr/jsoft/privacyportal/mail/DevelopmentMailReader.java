package kr.jsoft.privacyportal.mail;

import java.util.List;
import java.util.Optional;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.persistence.Database;

/**
 * Reads the development mailbox for the dashboard. The mails hold addresses and secret links,
 * so every reading is an access record ({@code personal-data.view} on {@code dev-mailbox}, with
 * how many mails were shown and never an address, subject or text).
 */
final class DevelopmentMailReader {
    /** Target type of the access record. */
    static final String TARGET = "dev-mailbox";

    private final Database database;
    private final AuditLog auditLog;
    private final DevelopmentMailbox mailbox;

    public DevelopmentMailReader(Database database, AuditLog auditLog, DevelopmentMailbox mailbox) {
        this.database = database;
        this.auditLog = auditLog;
        this.mailbox = mailbox;
    }

    /** The received mails, newest first, recorded as viewed by {@code by}'s actor. */
    public List<DevelopmentMailbox.ReceivedMail> list(AuditEvent by) {
        List<DevelopmentMailbox.ReceivedMail> mails = mailbox.recent();
        record(by, "mails shown=" + mails.size());
        return mails;
    }

    /** One received mail by its Message-ID; the view is recorded even when it is not found. */
    public Optional<DevelopmentMailbox.ReceivedMail> read(AuditEvent by, String messageId) {
        Optional<DevelopmentMailbox.ReceivedMail> mail = mailbox.recent().stream()
                .filter(m -> messageId.equals(m.messageId())).findFirst();
        record(by, mail.isPresent() ? "one mail shown" : "mail not found");
        return mail;
    }

    private void record(AuditEvent by, String detail) {
        database.inTransaction(session -> auditLog.record(session, by.withAction(AuditEvent.PERSONAL_DATA_VIEW)
                .target(TARGET, null).detail(detail)));
    }
}
