package kr.jsoft.privacyportal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }
}
