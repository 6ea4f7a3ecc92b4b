package kr.jsoft.privacyportal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * HMAC-SHA-256 with a key kept outside the database, for looking up personal data (phone
 * numbers) without storing it, and for short secrets (SMS codes) that a plain hash would not
 * protect. Each use names its purpose, so hashes of one purpose never match another's.
 */
public final class KeyedHash {
    private final SecretKey key;

    public KeyedHash(SecretKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** 64 lower-case hex characters of HMAC-SHA-256 over {@code purpose ‖ 0 ‖ part ‖ 0 ‖ part …}. */
    public String hash(String purpose, String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                mac.update((byte) 0);
                mac.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison of two hashes. */
    public static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
