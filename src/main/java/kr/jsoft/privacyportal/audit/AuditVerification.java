package kr.jsoft.privacyportal.audit;

/**
 * The result of checking the whole chain: how many entries were checked and, when it is
 * broken, the sequence number of the first entry that was altered or removed and why.
 */
public record AuditVerification(long entriesChecked, Long firstBadSeq, String problem) {
    public boolean intact() {
        return firstBadSeq == null;
    }

    static AuditVerification ok(long checked) {
        return new AuditVerification(checked, null, null);
    }
}
