package kr.jsoft.privacyportal.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets for links and one-time codes: URL-safe base64 without padding. */
public final class SecretTokens {
    private SecretTokens() {
    }

    /** {@code bytes} random bytes (16 = 128 bits for status links, 32 = 256 bits for setup links), URL-safe. */
    public static String newToken(SecureRandom random, int bytes) {
        byte[] token = new byte[bytes];
        random.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }
}
