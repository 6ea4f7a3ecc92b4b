package kr.jsoft.privacyportal.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.jsoft.privacyportal.persistence.Database;

/**
 * Reading the audit log: list and filter, export as CSV (itself audited), and verify the
 * whole chain against its stored hashes, the head row and the signed daily heads. Like
 * {@link AuditLog}, it has no way to change or delete an entry; entries are kept for good
 * (the access records must be kept at least two years; nothing here ever purges them).
 */
public final class AuditTrail {
    public static final int PAGE_SIZE = 100;
    public static final int EXPORT_LIMIT = 100_000;
    private static final int BATCH = 1_000;

    private final Database database;
    private final AuditLog auditLog;
    private final AuditHeads heads;

    public AuditTrail(Database database, AuditLog auditLog, AuditHeads heads) {
        this.database = database;
        this.auditLog = auditLog;
        this.heads = heads;
    }

    /** Newest first: at most {@code limit} entries matching {@code filter} with seq below {@code beforeSeq} (if given). */
    public List<AuditRecord> search(AuditFilter filter, Long beforeSeq, int limit) {
        return database.fromTransaction(session -> {
            Map<String, Object> parameters = new HashMap<>();
            String where = where(filter, parameters);
            if (beforeSeq != null) {
                where += " and e.seq < :before";
                parameters.put("before", beforeSeq);
            }
            var query = session.createSelectionQuery("from AuditEntry e where " + where + " order by e.seq desc",
                    AuditEntry.class);
            parameters.forEach(query::setParameter);
            return query.setMaxResults(limit).getResultList().stream().map(AuditRecord::of).toList();
        });
    }

    /** Writes the matching entries (oldest first, at most {@link #EXPORT_LIMIT}) as CSV; records {@code by} as {@code audit.export}. */
    public void exportCsv(AuditFilter filter, AuditEvent by, Writer out) throws IOException {
        List<AuditRecord> records = database.fromTransaction(session -> {
            Map<String, Object> parameters = new HashMap<>();
            var query = session.createSelectionQuery("from AuditEntry e where " + where(filter, parameters)
                    + " order by e.seq", AuditEntry.class);
            parameters.forEach(query::setParameter);
            List<AuditRecord> found = query.setMaxResults(EXPORT_LIMIT).getResultList().stream()
                    .map(AuditRecord::of).toList();
            auditLog.record(session, by.withAction("audit.export").detail(found.size() + " entries"));
            return found;
        });
        AuditCsv.write(records, out);
    }

    private static String where(AuditFilter filter, Map<String, Object> parameters) {
        List<String> clauses = new ArrayList<>(List.of("1 = 1"));
        if (filter.from() != null) {
            clauses.add("e.occurredAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.until() != null) {
            clauses.add("e.occurredAt < :until");
            parameters.put("until", filter.until());
        }
        if (filter.actor() != null) {
            clauses.add("e.actor = :actor");
            parameters.put("actor", filter.actor());
        }
        if (filter.action() != null) {
            clauses.add("e.action like :action escape '!'");
            parameters.put("action", filter.action().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (filter.targetType() != null) {
            clauses.add("e.targetType = :targetType");
            parameters.put("targetType", filter.targetType());
        }
        if (filter.targetId() != null) {
            clauses.add("e.targetId = :targetId");
            parameters.put("targetId", filter.targetId());
        }
        return String.join(" and ", clauses);
    }

    /**
     * Checks every entry in order: its sequence number follows the previous one (else an entry
     * was removed), its stored hash matches its content (else it was altered), and it links to
     * the previous entry's hash (else the previous entry was rewritten with a new hash). Then the
     * head row and every signed daily head must still match the table. Names the first bad entry.
     */
    public AuditVerification verify() {
        long expected = 1;
        String previousHash = AuditChain.GENESIS;
        Map<Long, String> hashes = new HashMap<>();
        AuditVerification broken = null;
        scan:
        while (true) {
            long from = expected;
            List<AuditEntry> batch = database.fromTransaction(session -> session
                    .createSelectionQuery("from AuditEntry e where e.seq >= :from order by e.seq", AuditEntry.class)
                    .setParameter("from", from).setMaxResults(BATCH).getResultList());
            for (AuditEntry entry : batch) {
                if (entry.seq() != expected) {
                    broken = new AuditVerification(expected - 1, expected, "entry " + expected + " was removed");
                    break scan;
                }
                if (!AuditChain.hash(entry).equals(entry.hash())) {
                    broken = new AuditVerification(expected - 1, expected, "entry " + expected
                            + " was altered: its content no longer matches its hash");
                    break scan;
                }
                if (!entry.prevHash().equals(previousHash)) {
                    broken = new AuditVerification(expected - 1, expected - 1, "entry " + (expected - 1)
                            + " was altered: the next entry no longer links to its hash");
                    break scan;
                }
                hashes.put(entry.seq(), entry.hash());
                previousHash = entry.hash();
                expected++;
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        long last = expected - 1;
        if (broken == null) {
            AuditChainHead head = database.fromTransaction(session -> session.find(AuditChainHead.class, 1));
            if (head.lastSeq() > last) {
                broken = new AuditVerification(last, last + 1, "entry " + (last + 1) + " was removed"
                        + " (the chain head records " + head.lastSeq() + " entries)");
            } else if (head.lastSeq() == last && !head.lastHash().equals(previousHash)) {
                broken = new AuditVerification(last, last, "entry " + last + " was altered: the chain head no longer"
                        + " matches it");
            }
        }
        AuditHeads.Stored stored = heads.stored();
        for (AuditHeads.SignedHead signed : stored.heads()) {
            String hash = hashes.get(signed.seq());
            boolean inScope = broken == null || signed.seq() < broken.firstBadSeq();
            if (signed.seq() > 0 && inScope && (hash == null || !hash.equals(signed.hash()))) {
                String what = hash == null && signed.seq() > last ? "was removed" : "was altered";
                broken = new AuditVerification(last, signed.seq(), "entry " + signed.seq() + " " + what
                        + ": it no longer matches the head signed on " + signed.day());
            }
        }
        if (broken == null && !stored.bad().isEmpty()) {
            AuditHeads.BadHead bad = stored.bad().get(0);
            broken = new AuditVerification(last, 0L, "signed head " + bad.file().getFileName() + ": " + bad.problem());
        }
        return broken == null ? AuditVerification.ok(last) : broken;
    }
}
