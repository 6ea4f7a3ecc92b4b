package kr.jsoft.privacyportal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** SHA-256, the one digest the portal uses: for stored token hashes, content fingerprints and signed bodies. */
public final class Digests {
    private Digests() {
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Lower-case hex of SHA-256 over the UTF-8 bytes of {@code text}: how secret tokens are stored. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }

    /** base64url without padding of SHA-256 over {@code data}. */
    public static String sha256Base64Url(byte[] data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(data));
    }
}
