package kr.jsoft.privacyportal.manager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random one-time tokens and recovery codes, and the SHA-256 under which they are stored. */
final class Tokens {
    private static final char[] CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private Tokens() {
    }

    /** 256 random bits, URL-safe. */
    static String newToken(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A recovery code {@code xxxxx-xxxxx}: 10 characters of a 31-letter alphabet, about 50 bits. */
    static String newRecoveryCode(SecureRandom random) {
        StringBuilder code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    /** How a recovery code is compared: case and separators do not matter. */
    static String normaliseRecoveryCode(String code) {
        return code.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
