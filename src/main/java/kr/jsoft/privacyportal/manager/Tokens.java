package kr.jsoft.privacyportal.manager;

import java.security.SecureRandom;

/** Recovery codes: made, and normalised before they are compared. */
final class Tokens {
    private static final char[] CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private Tokens() {
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

}
