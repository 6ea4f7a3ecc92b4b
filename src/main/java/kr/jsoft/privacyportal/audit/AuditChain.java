package kr.jsoft.privacyportal.audit;

import kr.jsoft.privacyportal.crypto.Digests;

/** The hash chain: each entry's SHA-256 covers its canonical content and the previous hash. */
final class AuditChain {
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(AuditEntry e) {
        StringBuilder canonical = new StringBuilder();
        // Length-prefixed fields: no two different entries share a canonical form.
        for (String field : new String[] {Long.toString(e.seq()), e.occurredAt().toString(), e.actor(), e.action(),
                e.targetType(), e.targetId(), e.clientAddress(), e.detail(), e.prevHash()}) {
            String value = field == null ? "" : field;
            canonical.append(field == null ? -1 : value.length()).append(':').append(value).append('|');
        }
        return Digests.sha256Hex(canonical.toString());
    }
}
